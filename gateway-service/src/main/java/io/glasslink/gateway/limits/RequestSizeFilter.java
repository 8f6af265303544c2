package io.glasslink.gateway.limits;

import io.glasslink.gateway.problems.GatewayProblem;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses request bodies above {@code glasslink.gateway.limits.max-request-size} with 413: at once
 * from {@code Content-Length}, or while streaming a chunked body before it reaches the service.
 */
@Component
public class RequestSizeFilter implements GlobalFilter, Ordered {

    private final long maxBytes;

    public RequestSizeFilter(LimitsProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        if (length > maxBytes) {
            return Mono.error(tooLarge(length + " bytes"));
        }
        if (length >= 0 || !request.getHeaders().containsHeader("Transfer-Encoding")) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge("more than " + maxBytes + " bytes"));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private GatewayProblem tooLarge(String size) {
        return new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content Too Large",
                "The request body (" + size + ") exceeds the limit of " + maxBytes + " bytes");
    }

    @Override
    public int getOrder() {
        return -140;
    }
}
