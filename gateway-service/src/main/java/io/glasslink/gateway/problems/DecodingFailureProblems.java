package io.glasslink.gateway.problems;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reactor Netty answers a request it cannot decode itself, before any WebFlux handler runs, with
 * an empty body: 431 when the header fields exceed {@code server.max-http-request-header-size},
 * 414 when the request line exceeds {@code server.netty.max-initial-line-length}, 400 when the
 * request is not HTTP. A channel handler between Netty's codec and Reactor Netty's (the extension
 * Reactor Netty's maintainers point to for this) gives those answers the problem+json body of
 * every other error; the status and {@code Connection: close} stay Reactor Netty's.
 */
@Configuration(proxyBeanMethods = false)
public class DecodingFailureProblems {

    static final String HANDLER_NAME = "glasslink.decodingFailureProblems";

    @Bean
    NettyServerCustomizer decodingFailureProblemsCustomizer(JsonMapper json) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new Handler(json));
            }
        });
    }

    /** Remembers a request whose decoding failed and writes a problem body into the empty answer to it. */
    static final class Handler extends ChannelDuplexHandler {

        private final JsonMapper json;
        private String failedPath;

        Handler(JsonMapper json) {
            this.json = json;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                failedPath = path(request.uri());
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (failedPath != null && msg instanceof FullHttpResponse response && response.status().code() >= 400
                    && !response.content().isReadable()) {
                String path = failedPath;
                failedPath = null;
                FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                        Unpooled.wrappedBuffer(body(response.status().code(), path)));
                problem.headers().set(response.headers())
                        .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, problem.content().readableBytes());
                response.release();
                ctx.write(problem, promise);
                return;
            }
            ctx.write(msg, promise);
        }

        private byte[] body(int status, String path) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", GatewayProblem.type(GatewayProblem.slugFor(status)).toString());
            HttpStatus known = HttpStatus.resolve(status);
            body.put("title", known == null ? "Bad Request" : known.getReasonPhrase());
            body.put("status", status);
            body.put("detail", switch (status) {
                case 431 -> "The request's header fields are over the gateway's size limit";
                case 414 -> "The request line (method, URI, version) is over the gateway's size limit";
                default -> "The request could not be read as HTTP";
            });
            body.put("instance", path);
            return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        }

        /** The request's path, or {@code /} when the request line itself could not be read. */
        private static String path(String uri) {
            if (uri == null || !uri.startsWith("/")) {
                return "/";
            }
            int query = uri.indexOf('?');
            String path = query < 0 ? uri : uri.substring(0, query);
            return path.length() > 256 ? path.substring(0, 256) : path;
        }
    }
}
