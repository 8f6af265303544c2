package io.glasslink.planning.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.PlanningTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input rules of docs/contracts.md on the on-prem API: strict types, required fields named, unknown properties
 * refused, control characters refused, strings trimmed and bounded, invisible-only text empty (400), business rules
 * before anything is written (422) — and for every refusal: problem+json, no appointment row, no outbox row.
 */
class StrictInputTest extends PlanningIntegrationTest {

    private static final String JSON = "application/json";

    private String start;
    private String reference;

    @BeforeEach
    void aFreeSlot() {
        start = (String) slots("C040", "CHIP_REPAIR", dayWithSlots("C040", "CHIP_REPAIR", 4)).get(0).get("start");
        reference = "STRICT-" + UUID.randomUUID();
    }

    /** A valid hold body with {@code field} replaced by the raw JSON {@code value} (null: left out). */
    private String holdWith(String field, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("bookingReference", quote(reference),
                "jobType", "\"CHIP_REPAIR\"", "calibration", "false", "centreId", "\"C040\"", "mode", "\"CENTRE\"",
                "start", quote(start)));
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        return fields.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private ResponseEntity<String> hold(String body) {
        return send(HttpMethod.POST, "/api/v1/appointments", JSON, body);
    }

    /** The refusal wrote nothing: no appointment with the reference, no outbox row mentioning it. */
    private void nothingWritten() {
        assertThat(jdbc.queryForObject("select count(*) from appointment where booking_reference like ?", Integer.class,
                reference + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?", Integer.class,
                "%" + reference + "%")).isZero();
    }

    private void refusedNaming(String body, String field) {
        fieldProblem(hold(body), 400, field);
        nothingWritten();
    }

    @Test
    void theValidBodyIsHeld() {
        ResponseEntity<String> held = hold(holdWith("jobType", "\"CHIP_REPAIR\""));
        assertThat(held.getStatusCode().value()).as(held.getBody()).isEqualTo(201);
    }

    @Test
    void aNumberIsNotAnEnumABooleanOrAString() {
        refusedNaming(holdWith("jobType", "0"), "jobType");
        refusedNaming(holdWith("mode", "0"), "mode");
        refusedNaming(holdWith("calibration", "0"), "calibration");
        refusedNaming(holdWith("calibration", "-1"), "calibration");
        refusedNaming(holdWith("calibration", "\"true\""), "calibration");
        refusedNaming(holdWith("bookingReference", "12345"), "bookingReference");
        refusedNaming(holdWith("centreId", "true"), "centreId");
        refusedNaming(holdWith("centreId", "[\"C040\"]"), "centreId");
    }

    @Test
    void aStartIsAnRfc3339TimeNotANumber() {
        refusedNaming(holdWith("start", "1796896800"), "start");
        refusedNaming(holdWith("start", "1796896800.5"), "start");
        refusedNaming(holdWith("start", "\"next tuesday\""), "start");
        refusedNaming(holdWith("start", "\"\""), "start");
    }

    @Test
    void aNullOrMissingRequiredFieldIsABadRequestNamingIt() {
        for (String field : List.of("bookingReference", "jobType", "centreId", "mode", "start")) {
            refusedNaming(holdWith(field, "null"), field);
            refusedNaming(holdWith(field, null), field);
        }
        fieldProblem(send(HttpMethod.POST, "/api/v1/appointments", JSON, null), 400, "body");
    }

    @Test
    void anUnknownPropertyIsRefusedNamingIt() {
        String misspelt = holdWith("calibration", "false").replace("}", ",\"calibraton\":true}");
        refusedNaming(misspelt, "calibraton");
    }

    @Test
    void controlCharactersAreRefusedBeforeAnythingReachesTheDatabase() {
        refusedNaming(holdWith("bookingReference", quote(reference + "\\u0000")), "bookingReference");
        refusedNaming(holdWith("bookingReference", quote(reference + "\\u0007x")), "bookingReference");
        refusedNaming(holdWith("bookingReference", quote(reference + "\\nx")), "bookingReference");
        refusedNaming(holdWith("bookingReference", quote(reference + "\\u0085")), "bookingReference");
        refusedNaming(holdWith("centreId", quote("C040\\u0000")), "centreId");
        refusedNaming(holdWith("bookingReference", quote(reference + "\\ud800")), "bookingReference");
    }

    @Test
    void textMadeOnlyOfInvisibleCharactersIsEmpty() {
        JsonNode p = fieldProblem(hold(holdWith("bookingReference", quote("\\u200b\\u00a0 \\u2060\\ufeff"))), 400,
                "bookingReference");
        assertThat(p.toString()).contains("is required");
        nothingWritten();
    }

    @Test
    void stringsAreTrimmedAndBounded() {
        refusedNaming(holdWith("bookingReference", quote(reference + "x".repeat(64))), "bookingReference");
        ResponseEntity<String> held = hold(holdWith("bookingReference", quote(" \\u200b" + reference + "  ")));
        assertThat(held.getStatusCode().value()).as(held.getBody()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select booking_reference from appointment where booking_reference like ?",
                String.class, "%" + reference + "%")).isEqualTo(reference);
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsABadRequest() {
        refusedNaming(holdWith("jobType", "\"CHIP_REPAIR\"").replace("}", ""), "body");
        refusedNaming(holdWith("jobType", "\"CHIP_REPAIR\"") + " {}", "body");
        refusedNaming("[]", "body");
    }

    @Test
    void aSearchTakesNoStringForANumberAndNoFractionForAWholeNumber() {
        String day = dayWithSlots("C040", "CHIP_REPAIR", 4).toString();
        String search = """
                {"jobType":"CHIP_REPAIR","centreIds":["C040"],"from":"%s","to":"%s",%s}""";
        fieldProblem(send(HttpMethod.POST, "/api/v1/slots/search", JSON, search.formatted(day, day, "\"limit\":\"5\"")), 400, "limit");
        fieldProblem(send(HttpMethod.POST, "/api/v1/slots/search", JSON, search.formatted(day, day, "\"stepMinutes\":60.5")), 400,
                "stepMinutes");
        fieldProblem(send(HttpMethod.POST, "/api/v1/slots/search", JSON, search.formatted(day, day, "\"from\":20261210")), 400, "from");
        fieldProblem(send(HttpMethod.POST, "/api/v1/slots/search", JSON,
                search.formatted(day, day, "\"limit\":5").replace("[\"C040\"]", "[\"C040\\u0000\"]")), 400, "centreIds[0]");
        fieldProblem(send(HttpMethod.POST, "/api/v1/slots/search", JSON,
                search.formatted(day, day, "\"limit\":5").replace("[\"C040\"]", "[\"C040\",\"\\u200b\"]")), 400, "centreIds[1]");
    }

    @Test
    void queryParametersFollowTheSameRules() {
        String day = dayWithSlots("C040", "CHIP_REPAIR", 4).toString();
        String base = "/api/v1/slots?jobType=CHIP_REPAIR&centreId=C040&from=" + day + "&to=" + day;
        assertThat(send(HttpMethod.GET, base, null, null).getStatusCode().value()).isEqualTo(200);
        fieldProblem(send(HttpMethod.GET, base + "&calibration=1", null, null), 400, "calibration");
        fieldProblem(send(HttpMethod.GET, base.replace("CHIP_REPAIR", "0"), null, null), 400, "jobType");
        fieldProblem(send(HttpMethod.GET, base.replace("&centreId=C040", ""), null, null), 400, "centreId");
        fieldProblem(send(HttpMethod.GET, base + "&limit=five", null, null), 400, "limit");
        problem(send(HttpMethod.GET, base.replace("C040", "C040%00"), null, null), 400);
        problem(send(HttpMethod.GET, base.replace("C040", "C040%07"), null, null), 400);
    }

    @Test
    void anUnknownCentreIsNotServed() {
        for (String centre : List.of("C000", "C999", "X")) {
            JsonNode p = fieldProblem(hold(holdWith("centreId", quote(centre))), 422, "centreId");
            assertThat(p.get("type").asString()).endsWith("/not-served");
            nothingWritten();
        }
    }

    @Test
    void aHomeJobOutsideTheCentresVanAreaIsNotServed() {
        String departement = jdbc.queryForObject("select departement from centre where centre_id = 'C040'", String.class);
        String elsewhere = departement.equals("75") ? "69003" : "75011";
        JsonNode p = fieldProblem(hold(holdWith("mode", "\"HOME\"").replace("}", ",\"postcode\":\"" + elsewhere + "\"}")),
                422, "postcode");
        assertThat(p.get("type").asString()).endsWith("/not-served");
        nothingWritten();
        fieldProblem(hold(holdWith("mode", "\"HOME\"")), 400, "postcode");
        nothingWritten();
    }

    @Test
    void aStartTheSearchCannotOfferIsUnprocessable() {
        OffsetDateTime offered = OffsetDateTime.parse(start);
        OffsetDateTime now = OffsetDateTime.ofInstant(CLOCK.instant(), PlanningTime.ZONE);
        for (OffsetDateTime bad : List.of(offered.plusSeconds(7), offered.plusMinutes(5), now.minusDays(1),
                OffsetDateTime.parse("1970-01-01T00:00:00Z"), OffsetDateTime.parse("9999-12-31T23:59:59+01:00"),
                now.plusYears(2).withHour(10).withMinute(0).withSecond(0).withNano(0),
                offered.withHour(3).withMinute(0))) {
            JsonNode p = fieldProblem(hold(holdWith("start", quote(bad.toString()))), 422, "start");
            assertThat(p.get("type").asString()).as(bad.toString()).endsWith("/unprocessable");
            nothingWritten();
        }
    }

    @Test
    void aStartInTheHourRepeatedWhenTheClocksGoBackIsUnprocessable() {
        try (var october = CLOCK.setTemporarily(java.time.OffsetDateTime.parse("2026-10-20T10:00:00+02:00").toInstant())) {
            JsonNode p = fieldProblem(hold(holdWith("start", quote("2026-10-25T02:30:00+01:00"))), 422, "start");
            assertThat(p.toString()).contains("repeat");
            nothingWritten();
        }
    }

    @Test
    void aCancelOrRescheduleBreakingARuleWritesNothing() {
        ResponseEntity<String> held = hold(holdWith("jobType", "\"CHIP_REPAIR\""));
        String id = held.getBody().replaceAll(".*\"appointmentId\":\"([^\"]+)\".*", "$1");
        String path = "/api/v1/appointments/" + id;
        fieldProblem(send(HttpMethod.POST, path + "/cancel", JSON, "{\"reason\":\"x\\u0000\"}"), 400, "reason");
        fieldProblem(send(HttpMethod.POST, path + "/cancel", JSON, "{\"reason\":\"" + "x".repeat(501) + "\"}"), 400, "reason");
        fieldProblem(send(HttpMethod.POST, path + "/cancel", JSON, "{\"reasons\":\"x\"}"), 400, "reasons");
        fieldProblem(send(HttpMethod.POST, path + "/reschedule", JSON, "{\"start\":12}"), 400, "start");
        fieldProblem(send(HttpMethod.POST, path + "/reschedule", JSON, "{}"), 400, "start");
        fieldProblem(send(HttpMethod.POST, path + "/reschedule", JSON, "{\"start\":\""
                + OffsetDateTime.parse(start).plusMinutes(7) + "\"}"), 422, "start");
        assertThat(jdbc.queryForObject("select status || ' ' || lower(during) from appointment where appointment_id = ?::uuid",
                String.class, id)).startsWith("HELD");
        assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?", Integer.class,
                "%" + id + "%\"previousStart\"%")).isZero();
    }

    @Test
    void anAbsenceBreakingARuleWritesNothing() {
        String technician = jdbc.queryForObject("select min(technician_id) from technician where home_centre_id = 'C041'", String.class);
        int before = jdbc.queryForObject("select count(*) from absence", Integer.class);
        String path = "/api/v1/technicians/" + technician + "/absences";
        String from = OffsetDateTime.parse(start).plusDays(40).toString();
        String to = OffsetDateTime.parse(start).plusDays(41).toString();
        fieldProblem(send(HttpMethod.POST, path, JSON, "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"reason\":\"\\u200b\"}"),
                400, "reason");
        fieldProblem(send(HttpMethod.POST, path, JSON, "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"reason\":7}"), 400, "reason");
        fieldProblem(send(HttpMethod.POST, path, JSON, "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"reason\":\"L\\u0000\"}"),
                400, "reason");
        fieldProblem(send(HttpMethod.POST, path, JSON, "{\"from\":\"" + from + "\",\"reason\":\"LEAVE\"}"), 400, "to");
        assertThat(jdbc.queryForObject("select count(*) from absence", Integer.class)).isEqualTo(before);
    }
}
