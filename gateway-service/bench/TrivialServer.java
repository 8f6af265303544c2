import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The trivial "on-prem-like" endpoint of the gateway benchmark: answers every request with a
 * small JSON body. Run with {@code java TrivialServer.java <port>} (JDK single-file launch).
 */
public class TrivialServer {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("trivial server on " + port);
    }
}
