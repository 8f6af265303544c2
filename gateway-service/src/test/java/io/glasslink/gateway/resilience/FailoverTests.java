package io.glasslink.gateway.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.gateway.support.GatewayTestSupport;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import org.junit.jupiter.api.AfterEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Direct Connect failure under load, through the real link simulator: the link moves new
 * connections to the VPN in under a second, the gateway's timeouts and retries carry the
 * idempotent requests caught on the dead path, and traffic returns to Direct Connect after it
 * recovers (pooled connections are recycled, 1 s max life in tests).
 */
class FailoverTests extends GatewayTestSupport {

    private static final Logger log = LoggerFactory.getLogger(FailoverTests.class);

    @Autowired
    CircuitBreakerRegistry breakers;

    @AfterEach
    void restoreLink() {
        LINK.restore();
    }

    @Test
    void cuttingDirectConnectMovesTrafficToVpnWithinASecondWithoutFailingIdempotentRequestsAndRestoreMovesItBack()
            throws Exception {
        breakers.circuitBreaker("planning").reset();
        WebClient client = WebClient.create("http://localhost:" + port);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        Map<Integer, AtomicInteger> failures = new ConcurrentHashMap<>();
        List<Thread> workers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    int status = client.get().uri("/onprem/planning/api/v1/slots?centreId=C001")
                            .header("X-API-Key", BOOKING_WEB_KEY)
                            .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                            .onErrorReturn(-1)
                            .block(Duration.ofSeconds(30));
                    if (status == 200) {
                        ok.incrementAndGet();
                    } else {
                        failures.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> ok.get() > 50);
            assertThat(LINK.activePath()).isEqualTo(PathId.DIRECT_CONNECT);

            long cut = System.nanoTime();
            LINK.outage(PathId.DIRECT_CONNECT, OutageMode.BLACKHOLE);
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(10))
                    .until(() -> LINK.activePath() == PathId.VPN);
            Duration failover = Duration.ofNanos(System.nanoTime() - cut);
            assertThat(failover).isLessThan(Duration.ofSeconds(1));
            log.info("Direct Connect cut: new connections on the VPN after {} ms", failover.toMillis());

            long vpnBytes = bytes("vpn");
            int okBefore = ok.get();
            await().atMost(Duration.ofSeconds(5)).until(() -> bytes("vpn") > vpnBytes && ok.get() > okBefore + 50);

            LINK.restore();
            await().atMost(Duration.ofSeconds(3)).until(() -> LINK.activePath() == PathId.DIRECT_CONNECT);
            long dxBytes = bytes("direct-connect");
            int okAfterRestore = ok.get();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> bytes("direct-connect") > dxBytes && ok.get() > okAfterRestore + 50);
        } finally {
            running.set(false);
            for (Thread worker : workers) {
                worker.join(30_000);
            }
        }
        log.info("{} idempotent requests during cut and restore, failures by status: {}", ok.get(), failures);
        assertThat(failures).as("failed idempotent requests by status (-1 = I/O error)").isEmpty();
        assertThat(ok.get()).isGreaterThan(150);
    }

    private static long bytes(String path) {
        return LINK.state().paths().get(path).bytes().values().stream().mapToLong(Long::longValue).sum();
    }
}
