package io.glasslink.planning.appointments;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.PlanningTime;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentApiTest extends PlanningIntegrationTest {

    private static String ref() {
        return "BK-" + UUID.randomUUID();
    }

    private ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body)
                .retrieve().toEntity(MAP);
    }

    private int rows(String reference) {
        return jdbc.queryForObject("select count(*) from appointment where booking_reference = ?", Integer.class, reference);
    }

    @Test
    void holdingAFreeSlotAnswersHeldWithItsExpiryAndConfirmingMakesItConfirmed() {
        LocalDate day = dayWithSlots("C030", "SIDE_WINDOW", 4);
        Object start = slots("C030", "SIDE_WINDOW", day).get(0).get("start");
        String reference = ref();
        var held = hold(reference, "C030", "SIDE_WINDOW", start);
        assertThat(held.getStatusCode().value()).isEqualTo(201);
        assertThat(held.getHeaders().getLocation()).isNotNull();
        assertThat(held.getBody()).containsEntry("status", "HELD").containsEntry("centreId", "C030").containsEntry("mode", "CENTRE")
                .containsEntry("start", start).doesNotContainKey("technicianId");
        for (String time : List.of("start", "end", "expiresAt")) {
            io.glasslink.testsupport.CloudEventChecks.checkParisTime((String) held.getBody().get(time), time);
        }
        OffsetDateTime expiresAt = OffsetDateTime.parse((String) held.getBody().get("expiresAt"));
        OffsetDateTime now = OffsetDateTime.ofInstant(CLOCK.instant(), PlanningTime.ZONE);
        assertThat(expiresAt).isBetween(now.plusMinutes(9), now.plusMinutes(11));

        String id = (String) held.getBody().get("appointmentId");
        var confirmed = post("/api/v1/appointments/" + id + "/confirm", null);
        assertThat(confirmed.getBody()).containsEntry("status", "CONFIRMED");
        assertThat(post("/api/v1/appointments/" + id + "/confirm", null).getBody()).containsEntry("status", "CONFIRMED");
        assertThat(api().get().uri("/api/v1/appointments/{id}", id).retrieve().toEntity(MAP).getBody())
                .containsEntry("status", "CONFIRMED");
    }

    @Test
    void repeatingAHoldWithTheSameKeyAnswersTheStoredResponseAndHoldsOnce() {
        Object start = slots("C031", "CHIP_REPAIR", dayWithSlots("C031", "CHIP_REPAIR", 4)).get(0).get("start");
        String reference = ref();
        var first = hold(reference, "C031", "CHIP_REPAIR", start);
        var second = hold(reference, "C031", "CHIP_REPAIR", start);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(rows(reference)).isEqualTo(1);
    }

    @Test
    void reusingAKeyWithADifferentRequestIsUnprocessableAndWritesNothing() {
        List<Map<String, Object>> slots = slots("C031", "CHIP_REPAIR", dayWithSlots("C031", "CHIP_REPAIR", 5));
        String reference = ref();
        hold(reference, "C031", "CHIP_REPAIR", slots.get(0).get("start"));
        var reused = hold(reference, "C031", "CHIP_REPAIR", slots.get(slots.size() - 1).get("start"));
        assertThat(reused.getStatusCode().value()).isEqualTo(422);
        assertThat(reused.getBody()).containsEntry("type", "https://glasslink.io/problems/idempotency-key-reused");
        assertThat(rows(reference)).isEqualTo(1);
    }

    @Test
    void badHoldRequestsAreRejectedWithTheRightStatusAndWriteNothing() {
        String reference = ref();
        Object start = slots("C032", "CHIP_REPAIR", dayWithSlots("C032", "CHIP_REPAIR", 4)).get(0).get("start");
        var unknownJob = post("/api/v1/appointments", Map.of("bookingReference", reference, "jobType", "SUNROOF",
                "centreId", "C032", "mode", "CENTRE", "start", start));
        assertThat(unknownJob.getStatusCode().value()).isEqualTo(400);
        var past = post("/api/v1/appointments", Map.of("bookingReference", reference + "p", "jobType", "CHIP_REPAIR",
                "centreId", "C032", "mode", "CENTRE", "start",
                OffsetDateTime.parse((String) start).minusDays(30).toString()));
        assertThat(past.getStatusCode().value()).isEqualTo(422);
        var unknownCentre = post("/api/v1/appointments", Map.of("bookingReference", reference + "c", "jobType", "CHIP_REPAIR",
                "centreId", "C999", "mode", "CENTRE", "start", start));
        assertThat(unknownCentre.getStatusCode().value()).isEqualTo(422);
        var homeElsewhere = post("/api/v1/appointments", Map.of("bookingReference", reference + "h", "jobType", "CHIP_REPAIR",
                "centreId", "C001", "mode", "HOME", "postcode", "75011", "start", start));
        assertThat(homeElsewhere.getStatusCode().value()).isEqualTo(422);
        var sunday = post("/api/v1/appointments", Map.of("bookingReference", reference + "s", "jobType", "CHIP_REPAIR",
                "centreId", "C032", "mode", "CENTRE", "start", nextSunday()));
        assertThat(sunday.getStatusCode().value()).isEqualTo(422);
        assertThat(sunday.getBody()).containsEntry("type", "https://glasslink.io/problems/unprocessable");
        assertThat(jdbc.queryForObject("select count(*) from appointment where booking_reference like ?", Integer.class,
                reference + "%")).isZero();
    }

    @Test
    void aTakenSlotAnswersConflictOnceEveryTechnicianIsBusy() {
        Map<String, Object> slot = slots("C033", "WINDSCREEN_REPLACEMENT", dayWithSlots("C033", "WINDSCREEN_REPLACEMENT", 6)).get(0);
        int capacity = (Integer) slot.get("capacity");
        for (int i = 0; i < capacity; i++) {
            assertThat(hold(ref(), "C033", "WINDSCREEN_REPLACEMENT", slot.get("start")).getStatusCode().value()).isEqualTo(201);
        }
        String body = """
                {"bookingReference":"%s","jobType":"WINDSCREEN_REPLACEMENT","calibration":false,"centreId":"C033",
                 "mode":"CENTRE","start":"%s"}""".formatted(ref(), slot.get("start"));
        var conflict = send(org.springframework.http.HttpMethod.POST, "/api/v1/appointments", "application/json", body);
        assertThat(problem(conflict, 409).get("type").asString()).isEqualTo("https://glasslink.io/problems/slot-unavailable");
    }

    @Test
    void cancellingAConfirmedAppointmentWithinTwentyFourHoursNeedsAnOverride() {
        Map<String, Object> slot = slots("C034", "CHIP_REPAIR", dayWithSlots("C034", "CHIP_REPAIR", 4)).get(0);
        String id = (String) hold(ref(), "C034", "CHIP_REPAIR", slot.get("start")).getBody().get("appointmentId");
        post("/api/v1/appointments/" + id + "/confirm", null);
        OffsetDateTime start = OffsetDateTime.parse((String) slot.get("start"));
        try (var dayBefore = CLOCK.setTemporarily(start.toInstant().minus(java.time.Duration.ofHours(23)))) {
            var refused = send(org.springframework.http.HttpMethod.POST, "/api/v1/appointments/" + id + "/cancel",
                    "application/json", "{\"reason\":\"changed my mind\"}");
            var notice = problem(refused, 409);
            assertThat(notice.get("type").asString()).isEqualTo("https://glasslink.io/problems/notice-policy");
            assertThat(notice.get("policy").asString()).isEqualTo("cancel-notice");
            assertThat(api().get().uri("/api/v1/appointments/{id}", id).retrieve().toEntity(MAP).getBody())
                    .containsEntry("status", "CONFIRMED");
            var overridden = post("/api/v1/appointments/" + id + "/cancel", Map.of("reason", "x", "overrideReason", "windscreen shattered"));
            assertThat(overridden.getBody()).containsEntry("status", "CANCELLED");
            assertThat(post("/api/v1/appointments/" + id + "/cancel", null).getBody()).containsEntry("status", "CANCELLED");
        }
    }

    @Test
    void cancellingAConfirmedAppointmentMoreThanTwentyFourHoursAheadNeedsNoOverride() {
        Map<String, Object> slot = slots("C034", "SIDE_WINDOW", dayWithSlots("C034", "SIDE_WINDOW", 5)).get(0);
        String id = (String) hold(ref(), "C034", "SIDE_WINDOW", slot.get("start")).getBody().get("appointmentId");
        post("/api/v1/appointments/" + id + "/confirm", null);
        OffsetDateTime start = OffsetDateTime.parse((String) slot.get("start"));
        try (var dayBefore = CLOCK.setTemporarily(start.toInstant().minus(java.time.Duration.ofHours(25)))) {
            assertThat(post("/api/v1/appointments/" + id + "/cancel", Map.of("reason", "changed my mind")).getBody())
                    .containsEntry("status", "CANCELLED");
        }
    }

    @Test
    void reschedulingMovesTheAppointmentAndFreesTheOldSlot() {
        LocalDate day = dayWithSlots("C035", "SIDE_WINDOW", 7);
        List<Map<String, Object>> slots = slots("C035", "SIDE_WINDOW", day);
        Map<String, Object> first = slots.get(0);
        Map<String, Object> last = slots.get(slots.size() - 1);
        var held = hold(ref(), "C035", "SIDE_WINDOW", first.get("start"));
        String id = (String) held.getBody().get("appointmentId");
        post("/api/v1/appointments/" + id + "/confirm", null);
        var moved = post("/api/v1/appointments/" + id + "/reschedule", Map.of("start", last.get("start")));
        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(moved.getBody()).containsEntry("start", last.get("start")).containsEntry("status", "CONFIRMED")
                .containsEntry("appointmentId", id);
        assertThat(post("/api/v1/appointments/" + id + "/reschedule", Map.of("start", last.get("start"))).getBody())
                .containsEntry("start", last.get("start"));
        Map<String, Object> firstAgain = slots("C035", "SIDE_WINDOW", day).stream()
                .filter(s -> s.get("start").equals(first.get("start"))).findFirst().orElseThrow();
        assertThat(firstAgain.get("capacity")).isEqualTo(first.get("capacity"));
    }

    @Test
    void reschedulingToATakenSlotFailsAndLeavesTheAppointmentWhereItWas() {
        LocalDate day = dayWithSlots("C036", "CHIP_REPAIR", 8);
        List<Map<String, Object>> slots = slots("C036", "CHIP_REPAIR", day);
        Map<String, Object> target = slots.get(slots.size() - 1);
        for (int i = 0; i < (Integer) target.get("capacity"); i++) {
            hold(ref(), "C036", "CHIP_REPAIR", target.get("start"));
        }
        var held = hold(ref(), "C036", "CHIP_REPAIR", slots.get(0).get("start"));
        String id = (String) held.getBody().get("appointmentId");
        var refused = post("/api/v1/appointments/" + id + "/reschedule", Map.of("start", target.get("start")));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(api().get().uri("/api/v1/appointments/{id}", id).retrieve().toEntity(MAP).getBody())
                .containsEntry("start", slots.get(0).get("start")).containsEntry("status", "HELD");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHomeSlotFoundForAPostcodeCanBeHeldByThatVanCentre() {
        LocalDate day = workday(9);
        Map<String, Object> found = post("/api/v1/slots/search", Map.of("jobType", "SIDE_WINDOW", "postcode", "69003",
                "from", day.toString(), "to", day.plusDays(2).toString())).getBody();
        Map<String, Object> result = ((List<Map<String, Object>>) found.get("results")).stream()
                .filter(r -> !((List<?>) r.get("slots")).isEmpty()).findFirst().orElseThrow();
        Object start = ((List<Map<String, Object>>) result.get("slots")).get(0).get("start");
        var held = post("/api/v1/appointments", Map.of("bookingReference", ref(), "jobType", "SIDE_WINDOW",
                "centreId", result.get("centreId"), "mode", "HOME", "postcode", "69003", "start", start));
        assertThat(held.getStatusCode().value()).isEqualTo(201);
        assertThat(held.getBody()).containsEntry("mode", "HOME").containsEntry("postcode", "69003").containsEntry("start", start);
    }

    @Test
    void anAbsenceForAnUnknownTechnicianIsNotFoundAndOneEndingBeforeItStartsIsABadRequest() {
        String from = workday(30).atStartOfDay(PlanningTime.ZONE).toOffsetDateTime().toString();
        String before = workday(30).minusDays(1).atStartOfDay(PlanningTime.ZONE).toOffsetDateTime().toString();
        assertThat(post("/api/v1/technicians/T99999/absences", Map.of("from", from, "to", from.replace("T00", "T12"),
                "reason", "LEAVE")).getStatusCode().value()).isEqualTo(404);
        assertThat(post("/api/v1/technicians/T00001/absences", Map.of("from", from, "to", before, "reason", "LEAVE"))
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anUnknownAppointmentIsNotFound() {
        var r = api().get().uri("/api/v1/appointments/{id}", UUID.randomUUID()).retrieve().toEntity(MAP);
        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    private static String nextSunday() {
        LocalDate d = io.glasslink.planning.BusinessTime.today().plusDays(3);
        while (d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d.atTime(10, 0).atZone(PlanningTime.ZONE).toOffsetDateTime().toString();
    }
}
