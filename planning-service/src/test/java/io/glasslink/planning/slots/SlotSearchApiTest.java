package io.glasslink.planning.slots;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.glasslink.planning.PlanningIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class SlotSearchApiTest extends PlanningIntegrationTest {

    private ResponseEntity<Map<String, Object>> search(Map<String, Object> body) {
        return api().post().uri("/api/v1/slots/search").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(MAP);
    }

    @Test
    void oneCentreSearchGivesParisTimedStartsWithCapacityAndNoTechnician() {
        LocalDate day = dayWithSlots("C020", "WINDSCREEN_REPLACEMENT", 3);
        List<Map<String, Object>> slots = slots("C020", "WINDSCREEN_REPLACEMENT", day);
        assertThat(slots).isNotEmpty().allSatisfy(s -> {
            assertThat(s).containsOnlyKeys("start", "end", "capacity");
            OffsetDateTime start = OffsetDateTime.parse((String) s.get("start"));
            assertThat(start.getOffset().getId()).isIn("+01:00", "+02:00");
            assertThat(OffsetDateTime.parse((String) s.get("end"))).isEqualTo(start.plusMinutes(90));
            assertThat((Integer) s.get("capacity")).isPositive();
            assertThat(start.toLocalDate()).isEqualTo(day);
        });
    }

    @Test
    void severalCentresInOneRequestGiveOneResultPerCentre() {
        LocalDate day = workday(3);
        List<String> centres = List.of("C001", "C002", "C003", "C004", "C005", "C006", "C007", "C008", "C009", "C010");
        var r = search(Map.of("jobType", "CHIP_REPAIR", "centreIds", centres, "from", day.toString(), "to", day.plusDays(13).toString()));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).containsEntry("zone", "Europe/Paris").containsEntry("jobDurationMinutes", 30);
        List<Map<String, Object>> results = list(r.getBody().get("results"));
        assertThat(results).extracting(m -> m.get("centreId")).containsExactlyElementsOf(centres);
        assertThat(results).allSatisfy(m -> assertThat(m.get("mode")).isEqualTo("CENTRE"));
    }

    @Test
    void aHomePostcodeIsServedByTheVansOfItsDepartementWithCalibrationAddingFortyFiveMinutes() {
        LocalDate day = workday(3);
        var r = search(Map.of("jobType", "WINDSCREEN_REPLACEMENT", "calibration", true, "postcode", "75011",
                "from", day.toString(), "to", day.plusDays(6).toString()));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).containsEntry("jobDurationMinutes", 135);
        List<Map<String, Object>> results = list(r.getBody().get("results"));
        assertThat(results).isNotEmpty().allSatisfy(m -> assertThat(m.get("mode")).isEqualTo("HOME"));
        List<String> vanCentres = jdbc.queryForList("select centre_id from centre where departement = '75' and vans > 0", String.class);
        assertThat(results).extracting(m -> (String) m.get("centreId")).containsExactlyInAnyOrderElementsOf(vanCentres);
    }

    @Test
    void theNotBeforeTimeHidesEarlierStarts() {
        LocalDate day = workday(3);
        OffsetDateTime notBefore = day.atTime(14, 0).atZone(io.glasslink.planning.PlanningTime.ZONE).toOffsetDateTime();
        var r = search(Map.of("jobType", "CHIP_REPAIR", "centreIds", List.of("C021"), "from", day.toString(),
                "to", day.toString(), "notBefore", notBefore.toString()));
        List<Map<String, Object>> slots = list(list(r.getBody().get("results")).get(0).get("slots"));
        assertThat(slots).isNotEmpty().allSatisfy(s ->
                assertThat(OffsetDateTime.parse((String) s.get("start"))).isAfterOrEqualTo(notBefore));
    }

    @Test
    void aCoarserStepOffersStartsOnTheHourOnlyAndAStepOffTheGridIsABadRequest() {
        LocalDate day = workday(3);
        List<Map<String, Object>> everyQuarter = list(list(search(Map.of("jobType", "CHIP_REPAIR", "centreIds", List.of("C022"),
                "from", day.toString(), "to", day.toString())).getBody().get("results")).get(0).get("slots"));
        var hourly = search(Map.of("jobType", "CHIP_REPAIR", "centreIds", List.of("C022"), "from", day.toString(),
                "to", day.toString(), "stepMinutes", 60));
        assertThat(hourly.getStatusCode().value()).isEqualTo(200);
        List<Map<String, Object>> slots = list(list(hourly.getBody().get("results")).get(0).get("slots"));
        assertThat(slots).isNotEmpty().allSatisfy(s -> assertThat(OffsetDateTime.parse((String) s.get("start")).getMinute()).isZero());
        // the hourly starts are exactly the quarter-hour starts that fall on the hour
        assertThat(slots).containsExactlyElementsOf(everyQuarter.stream()
                .filter(s -> OffsetDateTime.parse((String) s.get("start")).getMinute() == 0).toList());
        assertProblem(search(Map.of("jobType", "CHIP_REPAIR", "centreIds", List.of("C022"), "from", day.toString(),
                "to", day.toString(), "stepMinutes", 20)), 400);
        assertProblem(search(Map.of("jobType", "CHIP_REPAIR", "centreIds", List.of("C022"), "from", day.toString(),
                "to", day.toString(), "stepMinutes", 0)), 400);
    }

    @Test
    void aLimitAnswersTheEarliestSlotsOfEachCentreWithTheirFullCapacityAndAnOutOfRangeLimitIsABadRequest() {
        LocalDate day = workday(3);
        List<String> centres = List.of("C023", "C024");
        Map<String, Object> query = Map.of("jobType", "WINDSCREEN_REPLACEMENT", "centreIds", centres, "from", day.toString(),
                "to", day.plusDays(6).toString(), "stepMinutes", 30);
        List<Map<String, Object>> all = list(search(query).getBody().get("results"));
        var limited = search(with(query, "limit", 5));
        assertThat(limited.getStatusCode().value()).isEqualTo(200);
        List<Map<String, Object>> firstFive = list(limited.getBody().get("results"));
        assertThat(firstFive).extracting(m -> m.get("centreId")).containsExactlyElementsOf(centres);
        for (int i = 0; i < centres.size(); i++) {
            List<Map<String, Object>> every = list(all.get(i).get("slots"));
            assertThat(every).hasSizeGreaterThan(5);
            // the same slots, capacity included (every technician still counted), only fewer of them
            assertThat(list(firstFive.get(i).get("slots"))).containsExactlyElementsOf(every.subList(0, 5));
        }
        var oneCentre = api().get().uri("/api/v1/slots?jobType=CHIP_REPAIR&centreId=C023&from={d}&to={d}&limit=2", day, day)
                .retrieve().toEntity(MAP);
        assertThat(list(list(oneCentre.getBody().get("results")).get(0).get("slots"))).hasSize(2);
        var zero = search(with(query, "limit", 0));
        assertProblem(zero, 400);
        assertThat(list(zero.getBody().get("errors"))).extracting(e -> e.get("field")).contains("limit");
        assertProblem(search(with(query, "limit", 1001)), 400);
    }

    private static Map<String, Object> with(Map<String, Object> query, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(query);
        copy.put(key, value);
        return copy;
    }

    @Test
    void anUnknownJobTypeIsABadRequest() {
        LocalDate day = workday(3);
        var r = search(Map.of("jobType", "SUNROOF", "centreIds", List.of("C001"), "from", day.toString(), "to", day.toString()));
        assertProblem(r, 400);
        var get = api().get().uri("/api/v1/slots?jobType=SUNROOF&centreId=C001&from={d}&to={d}", day, day).retrieve().toEntity(MAP);
        assertProblem(get, 400);
    }

    @Test
    void aWindowTooLargeOrEndingBeforeItStartsIsABadRequestNamingTheField() {
        LocalDate day = workday(3);
        var tooLarge = search(Map.of("jobType", "CHIP_REPAIR", "centreIds", List.of("C001"), "from", day.toString(),
                "to", day.plusDays(60).toString()));
        assertProblem(tooLarge, 400);
        assertThat(list(tooLarge.getBody().get("errors"))).extracting(e -> e.get("field")).contains("to");
        var backwards = search(Map.of("jobType", "CHIP_REPAIR", "centreIds", List.of("C001"), "from", day.toString(),
                "to", day.minusDays(1).toString()));
        assertProblem(backwards, 400);
        assertThat(list(backwards.getBody().get("errors"))).extracting(e -> e.get("message")).contains("must not be before from");
    }

    @Test
    void aMalformedPostcodeIsABadRequestAndAnOverseasOneIsNotServed() {
        LocalDate day = workday(3);
        assertProblem(search(Map.of("jobType", "CHIP_REPAIR", "postcode", "7501", "from", day.toString(), "to", day.toString())), 400);
        assertProblem(search(Map.of("jobType", "CHIP_REPAIR", "postcode", "97400", "from", day.toString(), "to", day.toString())), 422);
    }

    @Test
    void anUnknownCentreIsUnprocessable() {
        LocalDate day = workday(3);
        assertProblem(search(Map.of("jobType", "CHIP_REPAIR", "centreIds", List.of("C999"), "from", day.toString(), "to", day.toString())), 422);
    }

    @Test
    void centresAndPostcodeTogetherAreABadRequest() {
        LocalDate day = workday(3);
        assertProblem(search(Map.of("jobType", "CHIP_REPAIR", "centreIds", List.of("C001"), "postcode", "75011",
                "from", day.toString(), "to", day.toString())), 400);
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> r, int status) {
        assertThat(r.getStatusCode().value()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType()).isNotNull();
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody()).containsKeys("type", "title", "status", "detail", "instance");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
