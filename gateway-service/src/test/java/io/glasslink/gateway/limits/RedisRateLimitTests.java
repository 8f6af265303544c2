package io.glasslink.gateway.limits;

import java.io.File;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.glasslink.gateway.GatewayApplication;
import io.glasslink.gateway.support.Downstream;
import io.glasslink.gateway.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two gateway instances share one partner budget through a real Redis server ({@code redis-server}
 * from the OS packages, started here on a Unix socket of its own; skipped where it is not installed).
 */
class RedisRateLimitTests {

    private static final File REDIS = new File("/usr/bin/redis-server");
    private static Process redis;
    private static Downstream bookingWeb;
    private static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

    @BeforeAll
    static void startRedisAndTwoGateways() throws IOException {
        assumeTrue(REDIS.canExecute(), "redis-server is not installed (apt-get install -y redis-server)");
        // a Unix socket of its own instead of a TCP port found free: no other process can take it before Redis binds
        Path socket = Files.createTempDirectory("gateway-redis").resolve("redis.sock");
        socket.getParent().toFile().deleteOnExit();
        redis = new ProcessBuilder(REDIS.getPath(), "--port", "0", "--unixsocket", socket.toString(),
                "--unixsocketperm", "700", "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                return channel.isConnected();
            }
        });
        bookingWeb = Downstream.start("booking-web-service");
        for (int i = 0; i < 2; i++) {
            gateways.add(new SpringApplicationBuilder(GatewayApplication.class, TestClockConfiguration.class).run(
                    "--server.port=0",
                    "--BOOKING_WEB_URL=" + bookingWeb.url(),
                    "--glasslink.gateway.identity.secrets.booking-web-service=" + bookingWeb.secret(),
                    "--RATE_LIMIT_REDIS_URL=redis-socket://" + socket,
                    "--PARTNER_FLEET_2_RATE_LIMIT=5",
                    "--glasslink.gateway.access.clients.partner-fleet-2.rate-limit.period=1m",
                    "--logging.level.glasslink.access=warn",
                    "--TRACING_EXPORT_ENABLED=false", // no Zipkin (spans are still made and propagated) and no link monitoring
                    "--LINK_CONTROL_URL="));
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        gateways.forEach(ConfigurableApplicationContext::close);
        if (bookingWeb != null) {
            bookingWeb.close();
        }
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS); // nothing left running after the suite
        }
    }

    @Test
    void twoGatewayInstancesShareOnePartnerBudgetThroughRedis() {
        WebTestClient first = client(gateways.get(0));
        WebTestClient second = client(gateways.get(1));
        for (int i = 0; i < 3; i++) {
            first.get().uri("/api/v1/availability").header("X-API-Key", "dev-partner-key-2").exchange()
                    .expectStatus().isOk();
        }
        second.get().uri("/api/v1/availability").header("X-API-Key", "dev-partner-key-2").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "1");
        second.get().uri("/api/v1/availability").header("X-API-Key", "dev-partner-key-2").exchange()
                .expectStatus().isOk();
        first.get().uri("/api/v1/availability").header("X-API-Key", "dev-partner-key-2").exchange()
                .expectStatus().isEqualTo(429);
        assertThat(bookingWeb.callsTo("/api/v1/availability")).isEqualTo(5);
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }
}
