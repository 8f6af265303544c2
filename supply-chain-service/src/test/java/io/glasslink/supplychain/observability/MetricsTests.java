package io.glasslink.supplychain.observability;

import java.time.Duration;
import java.util.UUID;

import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.Prometheus;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import io.glasslink.supplychain.holds.HoldService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters an ops dashboard reads, as Prometheus scrapes them (anonymously): hold outcomes, the source of
 * availability answers, the outbox backlog and the request latency histogram with its SLO buckets, each with
 * its description.
 */
@SupplyChainIntegrationTest
class MetricsTests extends ApiTestSupport {

    @Autowired
    HoldService holds;

    @Test
    void everyHoldOutcomeIsCountedOnceWhenItHappens() {
        String part = data.newPart(null);
        data.stock(part, "C044", 3);
        String scarce = data.newPart(null);
        String before = scrape();

        String confirmed = hold(part, "C044", 900).text("/holdId");
        api.post("/api/v1/holds/" + confirmed + "/confirm", null);
        api.post("/api/v1/holds/" + confirmed + "/confirm", null);
        String released = hold(part, "C044", 900).text("/holdId");
        api.post("/api/v1/holds/" + released + "/release", null);
        api.post("/api/v1/holds/" + released + "/release", null);
        hold(part, "C044", 30);
        hold(scarce, "C044", 900).problem(409);
        clock.advance(Duration.ofSeconds(31));
        holds.expireLapsed(1000);
        String after = scrape();

        assertThat(after).contains("# HELP glasslink_part_holds_total Part holds by outcome");
        assertThat(after).contains("# TYPE glasslink_part_holds_total counter");
        assertThat(delta(before, after, "glasslink_part_holds_total", "outcome=\"held\"")).isEqualTo(3);
        assertThat(delta(before, after, "glasslink_part_holds_total", "outcome=\"confirmed\"")).isEqualTo(1);
        assertThat(delta(before, after, "glasslink_part_holds_total", "outcome=\"released\"")).isEqualTo(1);
        assertThat(delta(before, after, "glasslink_part_holds_total", "outcome=\"refused\"")).isEqualTo(1);
        assertThat(delta(before, after, "glasslink_part_holds_total", "outcome=\"expired\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyAvailabilityAnswerIsCountedByTheSourceOfThePart() {
        String local = data.newPart(null);
        data.stock(local, "C045", 1);
        String depot = data.newPart(null);
        data.stock(depot, data.depotOf("C045"), 1);
        String dc = data.newPart(null);
        data.stock(dc, "DC", 1);
        String supplier = data.newPart(5);
        String before = scrape();

        for (String part : new String[] {local, depot, dc, supplier}) {
            assertThat(api.get("/api/v1/availability?partNumber=" + part + "&centreId=C045").status()).isEqualTo(200);
        }
        Answer batch = api.post("/api/v1/availability/batch",
                "{\"partNumber\":\"" + depot + "\",\"centreIds\":[\"C045\",\"C045\"]}");
        String after = scrape();

        assertThat(batch.status()).isEqualTo(200);
        assertThat(after).contains("# HELP glasslink_availability_source_total Availability answers by the source of the part");
        assertThat(delta(before, after, "glasslink_availability_source_total", "type=\"LOCAL_STOCK\"")).isEqualTo(1);
        assertThat(delta(before, after, "glasslink_availability_source_total", "type=\"DEPOT_TRANSFER\"")).isEqualTo(3);
        assertThat(delta(before, after, "glasslink_availability_source_total", "type=\"DC_TRANSFER\"")).isEqualTo(1);
        assertThat(delta(before, after, "glasslink_availability_source_total", "type=\"SUPPLIER\"")).isEqualTo(1);
    }

    @Test
    void theOutboxBacklogAndTheRequestLatencyBucketsAreScraped() {
        String part = data.newPart(null);
        data.stock(part, "C046", 1);
        api.get("/api/v1/availability?partNumber=" + part + "&centreId=C046");

        String scrape = scrape();

        assertThat(scrape).contains("# HELP glasslink_outbox_publications_incomplete Event publications written to the outbox");
        assertThat(scrape).contains("# TYPE glasslink_outbox_publications_incomplete gauge");
        assertThat(scrape).contains("# HELP glasslink_outbox_oldest_age_seconds Age of the oldest event publication");
        assertThat(scrape).contains("# TYPE glasslink_outbox_oldest_age_seconds gauge");
        assertThat(Prometheus.value(scrape, "glasslink_outbox_publications_incomplete")).isGreaterThanOrEqualTo(0);
        assertThat(Prometheus.value(scrape, "glasslink_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(scrape).contains("# HELP http_server_requests_seconds");
        for (String le : new String[] {"0.005", "0.01", "0.02", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5"}) {
            assertThat(Prometheus.value(scrape, "http_server_requests_seconds_bucket", "le=\"" + le + "\"", "uri=\"/api/v1/availability\""))
                    .as("bucket le=" + le).isGreaterThanOrEqualTo(0);
        }
    }

    private Answer hold(String part, String centre, int ttlSeconds) {
        return api.post("/api/v1/holds", "{\"bookingReference\":\"BK-" + UUID.randomUUID() + "\",\"partNumber\":\"" + part
                + "\",\"quantity\":1,\"centreId\":\"" + centre + "\",\"ttlSeconds\":" + ttlSeconds + "}");
    }

    private String scrape() {
        Answer prometheus = api.exchange(http -> http.get().uri("/actuator/prometheus"));
        assertThat(prometheus.status()).isEqualTo(200);
        return prometheus.raw();
    }

    private static double delta(String before, String after, String name, String label) {
        return Prometheus.value(after, name, label) - Prometheus.valueOrZero(before, name, label);
    }
}
