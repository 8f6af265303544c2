package io.glasslink.gateway.link;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.gateway.support.GatewayTestSupport;
import io.glasslink.gateway.support.Zipkin;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The link path of an on-prem call, through the real link simulator (planning's route): the gateway's server span
 * and the span of the proxied call, as the gateway exports them to Zipkin, name the path the call's connection took ({@code glasslink.link.path}), checked
 * against the bytes the simulator carried on each path for that call; Direct Connect, then the VPN after a cut,
 * then Direct Connect again after the failback (calls on a connection opened before it still say {@code vpn},
 * as they still cross the VPN). The route metrics carry the path too, and the link's own meters follow its monitoring.
 */
class LinkPathTests extends GatewayTestSupport {

    private static final String PLANNING_SLOTS = "/onprem/planning/api/v1/slots?centreId=C001";

    @Autowired
    LinkMonitor monitor;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void directConnectUp() {
        LINK.restore();
        breakers.circuitBreaker("planning").reset();
        await().atMost(Duration.ofSeconds(5)).until(() -> LINK.activePath() == PathId.DIRECT_CONNECT
                && monitor.activePath().equals("direct-connect"));
    }

    @AfterEach
    void restoreLink() {
        LINK.restore();
    }

    @Test
    void anOnPremCallsSpansNameThePathItsConnectionTookOverTheLink() {
        // a connection pooled before the monitor's first read says unknown until the pool recycles it (1 s in tests)
        Call call = await().atMost(Duration.ofSeconds(10)).until(this::call, c -> !c.path().equals(LinkPath.UNKNOWN));
        assertThat(call.path()).isEqualTo("direct-connect");
        assertThat(call.carriedBy()).isEqualTo("direct-connect");
        assertThat(call.clientSpanPath()).as("the proxied call's span").isEqualTo("direct-connect");
    }

    @Test
    void afterAFailoverCallsSayVpnAndAfterTheFailbackDirectConnectAgainEachAsTheLinkCarriedThem() {
        LINK.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
        await().atMost(Duration.ofSeconds(5)).until(() -> monitor.activePath().equals("vpn"));
        Call onVpn = call();
        assertThat(onVpn.path()).isEqualTo("vpn");
        assertThat(onVpn.carriedBy()).isEqualTo("vpn");
        assertThat(onVpn.clientSpanPath()).isEqualTo("vpn");

        LINK.restore();
        await().atMost(Duration.ofSeconds(5)).until(() -> monitor.activePath().equals("direct-connect"));
        // pooled VPN connections carry calls until they are recycled; each call names the path it really took
        Call back = await().atMost(Duration.ofSeconds(10)).until(() -> {
            Call c = call();
            assertThat(c.path()).isEqualTo(c.carriedBy());
            return c;
        }, c -> c.path().equals("direct-connect"));
        assertThat(back.carriedBy()).isEqualTo("direct-connect");
    }

    @Test
    void theRouteMetricsCarryThePathAndTheSloBucketsAndTheLinksMetersFollowItsMonitoring() {
        LINK.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
        await().atMost(Duration.ofSeconds(5)).until(() -> monitor.activePath().equals("vpn"));
        call();
        gateway().get().uri("/").exchange().expectStatus().isOk();
        String prometheus = prometheus();
        assertThat(prometheus)
                .contains("# HELP spring_cloud_gateway_requests_seconds Requests through the gateway per route")
                .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*glasslink_link_path=\"vpn\"[^}]*routeId=\"onprem-planning\"")
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"onprem-planning\"[^}]*le=\"0\\.01\"")
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"onprem-planning\"[^}]*le=\"2\\.5\"")
                .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*glasslink_link_path=\"none\"[^}]*routeId=\"web\"")
                .contains("# HELP spring_cloud_gateway_http_client_requests_seconds Calls of the gateway to the route's service")
                .containsPattern("spring_cloud_gateway_http_client_requests_seconds_count\\{[^}]*glasslink_link_path=\"vpn\"[^}]*spring_cloud_gateway_route_id=\"onprem-planning\"")
                .contains("# HELP glasslink_link_path_active 1 when new connections over the link take this path")
                .contains("glasslink_link_path_active{application=\"gateway-service\",path=\"vpn\"} 1.0")
                .contains("glasslink_link_path_active{application=\"gateway-service\",path=\"direct-connect\"} 0.0")
                .contains("# HELP glasslink_link_path_up 1 when the path's liveness probes answer")
                .contains("glasslink_link_path_up{application=\"gateway-service\",path=\"direct-connect\"} 0.0")
                .contains("# HELP glasslink_link_rtt_seconds Measured round trip of the path's last probe")
                .contains("glasslink_link_rtt_seconds{application=\"gateway-service\",path=\"direct-connect\"} NaN")
                .contains("# HELP glasslink_link_failovers_total Moves of the link's new connections from Direct Connect to the VPN")
                .containsPattern("glasslink_link_failovers_total\\{application=\"gateway-service\"} [1-9]")
                .contains("# HELP glasslink_link_failbacks_total")
                .contains("# HELP glasslink_link_state_age_seconds Time since the link's state was last read");
        double vpnRoundTrip = gauge(prometheus, "glasslink_link_rtt_seconds{application=\"gateway-service\",path=\"vpn\"}");
        // measured in real time: never under the profile's delays, over them by however late this machine runs
        assertThat(vpnRoundTrip).as("dx profile: 15 ± 5 ms each way on the VPN").isGreaterThanOrEqualTo(0.020).isLessThan(10.0);
        assertThat(gauge(prometheus, "glasslink_link_state_age_seconds{application=\"gateway-service\"}")).isLessThan(5.0);
    }

    /** One GET through planning's route in a fresh trace: the path its spans name and the path whose bytes grew. */
    private Call call() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        long dx = bytes("direct-connect");
        long vpn = bytes("vpn");
        gateway().get().uri(PLANNING_SLOTS).header("X-API-Key", BOOKING_WEB_KEY)
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .exchange().expectStatus().isOk();
        long dxGrew = bytes("direct-connect") - dx;
        long vpnGrew = bytes("vpn") - vpn;
        assertThat(dxGrew > 0 ^ vpnGrew > 0).as("one path carried the call (dx +%d, vpn +%d)", dxGrew, vpnGrew).isTrue();
        JsonNode server = await().atMost(Duration.ofSeconds(10)).until(() -> ZIPKIN.trace(traceId, "SERVER"), s -> !s.isEmpty()).get(0);
        List<JsonNode> clients = await().atMost(Duration.ofSeconds(10)).until(() -> ZIPKIN.trace(traceId, "CLIENT"), s -> !s.isEmpty());
        return new Call(Zipkin.tag(server, LinkPath.TAG), Zipkin.tag(clients.get(clients.size() - 1), LinkPath.TAG),
                dxGrew > 0 ? "direct-connect" : "vpn");
    }

    /** A call: the path its server span names, the path its (last) proxied call's span names, the path that carried it. */
    record Call(String path, String clientSpanPath, String carriedBy) {
    }

    private String prometheus() {
        return gateway().get().uri("/actuator/prometheus").header("X-API-Key", "dev-ops-key").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static double gauge(String prometheus, String series) {
        return prometheus.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no " + series));
    }

    private static long bytes(String path) {
        return LINK.state().paths().get(path).bytes().values().stream().mapToLong(Long::longValue).sum();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
