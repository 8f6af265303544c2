package io.glasslink.planning;

import java.util.Map;

import io.glasslink.testsupport.RealInfrastructure;
import io.glasslink.testsupport.RecordedSpans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of the full-context tests: one shared Spring context on real PostgreSQL and Kafka, seeded,
 * trusting the tests' own gateway key, its business time read from {@link BusinessTime#CLOCK}.
 * Every test class extends it, so the context starts once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "glasslink.test.database=planning",
        "glasslink.demo-data.enabled=true",
        "glasslink.planning.holds.expiry-interval=PT1H",
        // spans are made, propagated and recorded (RecordedSpans), not sent: no Zipkin in the tests
        "management.tracing.export.zipkin.enabled=false"})
@RealInfrastructure
@Import({BusinessTime.class, RecordedSpans.Recording.class, io.glasslink.testonly.FailingEndpoint.class})
public abstract class PlanningIntegrationTest {

    /** The business clock of the service under test. */
    protected static final io.glasslink.testsupport.TestClock CLOCK = BusinessTime.CLOCK;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("glasslink.identity.secret", TestIdentity::secret);
    }

    /** A client that sends a valid identity token and never throws on 4xx/5xx. */
    protected RestClient api() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("X-Glasslink-Identity", TestIdentity.token())
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    /** Live appointments overlapping another live appointment of the same technician (must be 0). */
    protected int overlaps() {
        Integer n = jdbc.queryForObject("""
                select count(*) from appointment a join appointment b
                  on a.technician_id = b.technician_id and a.appointment_id < b.appointment_id and a.during && b.during
                where a.status in ('HELD', 'CONFIRMED') and b.status in ('HELD', 'CONFIRMED')""", Integer.class);
        return n == null ? -1 : n;
    }

    /** A working day (Tuesday to Friday, not a holiday) at least {@code days} days from today in Paris (by the test clock). */
    protected static java.time.LocalDate workday(int days) {
        java.time.LocalDate d = BusinessTime.today().plusDays(days);
        while (d.getDayOfWeek().getValue() < 2 || d.getDayOfWeek().getValue() > 5
                || io.glasslink.planning.workforce.FrenchHolidays.isHoliday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The first working day at least {@code days} ahead on which the centre offers at least two starts for the job:
     * which days a centre has free depends on the seeded absences and bookings, which move with the test clock's date.
     */
    protected java.time.LocalDate dayWithSlots(String centreId, String jobType, int days) {
        for (int d = days; d < days + 28; d++) {
            java.time.LocalDate day = workday(d);
            if (slots(centreId, jobType, day).size() >= 2) {
                return day;
            }
        }
        throw new AssertionError(centreId + " offers no " + jobType + " in the four weeks after " + workday(days));
    }

    /** The slots of one centre on one day, as the API answers them. */
    protected java.util.List<Map<String, Object>> slots(String centreId, String jobType, java.time.LocalDate day) {
        Map<String, Object> body = api().get().uri("/api/v1/slots?jobType={j}&centreId={c}&from={d}&to={d}", jobType, centreId, day, day)
                .retrieve().body(MAP);
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> results = (java.util.List<Map<String, Object>>) body.get("results");
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> slots = (java.util.List<Map<String, Object>>) results.get(0).get("slots");
        return slots;
    }

    /** Holds a slot through the API. */
    protected org.springframework.http.ResponseEntity<Map<String, Object>> hold(String reference, String centreId, String jobType,
                                                                               Object start) {
        return api().post().uri("/api/v1/appointments").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("bookingReference", reference, "jobType", jobType, "calibration", false, "centreId", centreId,
                        "mode", "CENTRE", "start", start))
                .retrieve().toEntity(MAP);
    }

    /** Sends {@code body} as it is (raw JSON, possibly broken on purpose) with a valid identity token; never throws. */
    protected org.springframework.http.ResponseEntity<String> send(org.springframework.http.HttpMethod method, String path,
                                                                  String contentType, String body) {
        // the path as it is, percent-escapes included (a template would escape them again)
        var spec = api().method(method).uri(java.net.URI.create("http://localhost:" + port + path));
        if (contentType != null) {
            spec = spec.header(org.springframework.http.HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.retrieve().toEntity(String.class);
    }

    /**
     * Checks the answer is a problem of the shared shape with this status (docs/contracts.md "Errors"; Retry-After on a
     * 503, Allow on a 405) and returns it.
     */
    protected static tools.jackson.databind.JsonNode problem(org.springframework.http.ResponseEntity<String> r, int status) {
        org.assertj.core.api.Assertions.assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        return io.glasslink.testsupport.ProblemChecks.check(status, r.getHeaders()::getFirst, r.getBody());
    }

    /** {@link #problem} naming {@code field} among its errors. */
    protected static tools.jackson.databind.JsonNode fieldProblem(org.springframework.http.ResponseEntity<String> r, int status,
                                                                  String field) {
        org.assertj.core.api.Assertions.assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        return io.glasslink.testsupport.ProblemChecks.checkFieldError(status, r.getHeaders().getFirst("Content-Type"),
                r.getBody(), field);
    }

    protected static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() {
            };

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
