package io.glasslink.planning.appointments;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.glasslink.planning.PlanningIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** A hold lapses by the service's clock: it stops blocking its slot at once and the expiry job marks it EXPIRED. */
class HoldExpiryTest extends PlanningIntegrationTest {

    @Autowired
    AppointmentService service;

    @Test
    void aHoldLapsesTenMinutesLaterByTheServiceClockFreesItsSlotAndCannotBeConfirmed() {
        Map<String, Object> slot = slots("C037", "CHIP_REPAIR", dayWithSlots("C037", "CHIP_REPAIR", 6)).get(0);
        String start = (String) slot.get("start");
        int capacity = (Integer) slot.get("capacity");
        String id = (String) hold("EXP-" + UUID.randomUUID(), "C037", "CHIP_REPAIR", start).getBody().get("appointmentId");
        assertThat(capacityAt(start)).isEqualTo(capacity - 1);
        try (var later = CLOCK.setTemporarily(CLOCK.instant().plus(Duration.ofMinutes(9).plusSeconds(50)))) {
            service.expireDueHolds();
            assertThat(status(id)).isEqualTo("HELD");
            assertThat(capacityAt(start)).isEqualTo(capacity - 1);

            CLOCK.advance(Duration.ofSeconds(15));
            assertThat(capacityAt(start)).as("a lapsed hold no longer blocks its slot").isEqualTo(capacity);
            assertThat(service.expireDueHolds()).isPositive();
            assertThat(status(id)).isEqualTo("EXPIRED");
            var confirm = api().post().uri("/api/v1/appointments/{id}/confirm", id).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of()).retrieve().toEntity(MAP);
            assertThat(confirm.getStatusCode().value()).isEqualTo(409);
            assertThat(confirm.getBody()).containsEntry("type", "https://glasslink.io/problems/invalid-state");
        }
    }

    private String status(String id) {
        return (String) api().get().uri("/api/v1/appointments/{id}", id).retrieve().toEntity(MAP).getBody().get("status");
    }

    private int capacityAt(String start) {
        List<Map<String, Object>> slots = slots("C037", "CHIP_REPAIR", java.time.OffsetDateTime.parse(start).toLocalDate());
        return slots.stream().filter(s -> start.equals(s.get("start"))).mapToInt(s -> (Integer) s.get("capacity")).findFirst().orElse(0);
    }
}
