package io.glasslink.bench.baregateway;

import java.nio.charset.StandardCharsets;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The benchmark's backend when nginx is not installed: a Reactor Netty server answering a constant JSON to every
 * request ({@code java -cp bare-gateway.jar -Dloader.main=io.glasslink.bench.baregateway.TrivialBackend
 * org.springframework.boot.loader.launch.PropertiesLauncher PORT}).
 */
public final class TrivialBackend {

    private static final byte[] BODY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private TrivialBackend() {
    }

    public static void main(String[] args) {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(Integer.parseInt(args[0]))
                .handle((request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(BODY.length))
                        .sendByteArray(Mono.just(BODY)))
                .bindNow();
        server.onDispose().block();
    }
}
