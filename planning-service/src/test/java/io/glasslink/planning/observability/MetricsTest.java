package io.glasslink.planning.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.appointments.AppointmentService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's own meters, read from {@code /actuator/prometheus} as Prometheus scrapes them, each with its
 * description ({@code # HELP}) after the behaviour that drives it: appointments by outcome, the outbox backlog, and
 * latency buckets of the slot search and the hold.
 */
class MetricsTest extends PlanningIntegrationTest {

    @Autowired
    AppointmentService service;

    @Test
    void everyOutcomeOfAHoldOrAnAppointmentIsCountedByItsTag() {
        String scrape = scrape();
        String centre = "C064";
        List<Map<String, Object>> slots = slots(centre, "CHIP_REPAIR", dayWithSlots(centre, "CHIP_REPAIR", 6));
        Map<String, Object> full = slots.get(0);
        int capacity = (Integer) full.get("capacity");
        List<String> held = new ArrayList<>();
        for (int i = 0; i < capacity; i++) {
            held.add((String) hold("MET-" + UUID.randomUUID(), centre, "CHIP_REPAIR", full.get("start")).getBody().get("appointmentId"));
        }
        assertThat(hold("MET-" + UUID.randomUUID(), centre, "CHIP_REPAIR", full.get("start")).getStatusCode().value()).isEqualTo(409);
        String moved = held.get(0);
        post("/api/v1/appointments/" + moved + "/confirm", Map.of());
        post("/api/v1/appointments/" + moved + "/reschedule", Map.of("start", slots.get(slots.size() - 1).get("start")));
        post("/api/v1/appointments/" + moved + "/cancel", Map.of("reason", "metrics"));
        try (var lapsed = CLOCK.setTemporarily(CLOCK.instant().plus(Duration.ofMinutes(11)))) {
            service.expireDueHolds();
        }

        String after = scrape();
        assertThat(after).contains("# HELP glasslink_appointments_total Appointments by outcome");
        assertThat(outcome(after, "held") - outcome(scrape, "held")).isEqualTo(capacity);
        assertThat(outcome(after, "refused-slot-gone") - outcome(scrape, "refused-slot-gone")).isEqualTo(1);
        assertThat(outcome(after, "confirmed") - outcome(scrape, "confirmed")).isEqualTo(1);
        assertThat(outcome(after, "rescheduled") - outcome(scrape, "rescheduled")).isEqualTo(1);
        assertThat(outcome(after, "cancelled") - outcome(scrape, "cancelled")).isEqualTo(1);
        assertThat(outcome(after, "expired") - outcome(scrape, "expired")).as("the other holds lapsed").isGreaterThanOrEqualTo(capacity - 1);
    }

    @Test
    void theOutboxBacklogIsTwoDescribedGauges() {
        String scrape = scrape();
        assertThat(scrape).contains("# HELP glasslink_outbox_publications_incomplete Event publications written to the outbox");
        assertThat(scrape).contains("# HELP glasslink_outbox_oldest_age_seconds Age of the oldest event publication");
        assertThat(sample(scrape, "glasslink_outbox_publications_incomplete", "")).isGreaterThanOrEqualTo(0);
        assertThat(sample(scrape, "glasslink_outbox_oldest_age_seconds", "")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theSlotSearchAndTheHoldHaveLatencyBucketsAtTheServiceLevels() {
        String centre = "C065";
        List<Map<String, Object>> slots = slots(centre, "CHIP_REPAIR", dayWithSlots(centre, "CHIP_REPAIR", 6));
        api().post().uri("/api/v1/slots/search").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("jobType", "CHIP_REPAIR", "centreIds", List.of(centre), "from", slots.get(0).get("start").toString().substring(0, 10),
                        "to", slots.get(0).get("start").toString().substring(0, 10)))
                .retrieve().toBodilessEntity();
        hold("MET-" + UUID.randomUUID(), centre, "CHIP_REPAIR", slots.get(0).get("start"));

        String scrape = scrape();
        for (String uri : List.of("/api/v1/slots/search", "/api/v1/appointments", "/api/v1/slots")) {
            for (String le : List.of("0.005", "0.025", "0.1", "0.25", "1.0", "2.5")) {
                assertThat(scrape).as(uri + " le=" + le).containsPattern(
                        "http_server_requests_seconds_bucket\\{[^}]*uri=\"" + Pattern.quote(uri) + "\"[^}]*le=\"" + Pattern.quote(le) + "\"");
            }
        }
        assertThat(scrape).as("no observation of the actuator").doesNotContain("uri=\"/actuator");
    }

    private void post(String path, Object body) {
        assertThat(api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity()
                .getStatusCode().value()).as(path).isEqualTo(200);
    }

    private String scrape() {
        return api().get().uri("/actuator/prometheus").retrieve().body(String.class);
    }

    private static double outcome(String scrape, String outcome) {
        return sample(scrape, "glasslink_appointments_total", "outcome=\"" + outcome + "\"");
    }

    /** The value of the sample {@code name} whose labels contain {@code label} (0 when there is none). */
    private static double sample(String scrape, String name, String label) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
