package io.glasslink.gateway.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.gateway.link.LinkMonitor;
import io.glasslink.gateway.support.GatewayTestSupport;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Direct Connect black-holed ten times under a steady arrival of idempotent requests (50/s, not waiting for
 * answers, as a load tool's open workload), through the real link simulator: from each cut to the first answer
 * that crosses the VPN takes under a second, every request is answered 200 (attempts caught on the dead path are
 * abandoned after 1 s and retried on a new connection; idle pooled connections of the dead path are dropped), and
 * after each restore traffic returns to Direct Connect.
 */
class FailoverTests extends GatewayTestSupport {

    private static final Logger log = LoggerFactory.getLogger(FailoverTests.class);
    private static final int CUTS = 10;
    private static final Map<Integer, String> FIRST = new ConcurrentHashMap<>();

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    LinkMonitor monitor;

    @AfterEach
    void restoreLink() {
        LINK.restore();
    }

    @Test
    void eachDirectConnectCutUnderLoadIsAnsweredThroughTheVpnWithinASecondWithoutFailingARequest() {
        breakers.circuitBreaker("planning").reset();
        // as a load tool, no limit of its own on connections or waiting requests
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.builder("failover-load")
                        .maxConnections(2000).pendingAcquireMaxCount(-1).build()))).build();
        AtomicInteger ok = new AtomicInteger();
        Map<Integer, AtomicInteger> failures = new ConcurrentHashMap<>();
        // the first calls through a cold gateway are slow: one before the load starts
        assertThat(call(client).block(Duration.ofSeconds(20))).isEqualTo(200);
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        load.scheduleAtFixedRate(() -> call(client).subscribe(status -> {
            if (status == 200) {
                ok.incrementAndGet();
            } else {
                failures.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            }
        }), 0, 20, TimeUnit.MILLISECONDS);
        List<Long> failoverMillis = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(10)).alias("answers before the first cut").until(() -> ok.get() > 50 || !failures.isEmpty());
            for (int cut = 0; cut < CUTS; cut++) {
                await().atMost(Duration.ofSeconds(20)).alias("Direct Connect active again").until(() -> LINK.activePath() == PathId.DIRECT_CONNECT
                        && monitor.activePath().equals("direct-connect"));
                long dxAnswers = answeredBytes("direct-connect");
                await().atMost(Duration.ofSeconds(20)).alias("answers through Direct Connect, none left on the VPN")
                        .until(() -> answeredBytes("direct-connect") > dxAnswers && LINK.state().paths().get("vpn").activeConnections() == 0);

                long vpnAnswers = answeredBytes("vpn");
                long start = System.nanoTime();
                LINK.outage(PathId.DIRECT_CONNECT, OutageMode.BLACKHOLE);
                await().atMost(Duration.ofSeconds(20)).alias("an answer through the VPN").pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(5)).until(() -> answeredBytes("vpn") > vpnAnswers);
                failoverMillis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                log.info("cut {}: first answer through the VPN after {} ms", cut + 1, failoverMillis.get(cut));
                LINK.restore();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> monitor.activePath().equals("direct-connect"));
            long dxAnswers = answeredBytes("direct-connect");
            await().atMost(Duration.ofSeconds(20)).until(() -> answeredBytes("direct-connect") > dxAnswers);
            int answered = ok.get() + failures.values().stream().mapToInt(AtomicInteger::get).sum();
            load.shutdownNow();
            // the requests still in flight when the load stops are not counted; every one before was answered
            assertThat(answered).isGreaterThan(CUTS * 50);
        } finally {
            load.shutdownNow();
        }
        List<Long> sorted = failoverMillis.stream().sorted().toList();
        log.info("Direct Connect cut → first answer through the VPN, {} cuts: p50 {} ms, max {} ms ({}); {} requests answered, failures by status: {}",
                CUTS, sorted.get(CUTS / 2), sorted.get(CUTS - 1), failoverMillis, ok.get(), failures);
        assertThat(failures).as("failed idempotent requests by status (-1 = I/O error): %s", FIRST).isEmpty();
        assertThat(sorted.get(CUTS / 2)).as("p50 of cut → first answer through the VPN, ms").isLessThanOrEqualTo(1000);
        assertThat(sorted.get(CUTS - 1)).as("max of cut → first answer through the VPN, ms").isLessThanOrEqualTo(1000);
    }

    private static Mono<Integer> call(WebClient client) {
        return client.get().uri("/onprem/planning/api/v1/slots?centreId=C001").header("X-API-Key", BOOKING_WEB_KEY)
                .exchangeToMono(r -> r.statusCode().value() == 200 ? r.releaseBody().thenReturn(200)
                        : r.bodyToMono(String.class).defaultIfEmpty("").doOnNext(b -> FIRST.putIfAbsent(r.statusCode().value(), b))
                                .thenReturn(r.statusCode().value()))
                .onErrorResume(e -> Mono.just(-1));
    }

    /** Bytes the path carried back towards the gateway: answers. */
    private static long answeredBytes(String path) {
        return LINK.state().paths().get(path).bytes().get("to-cloud");
    }
}
