package io.glasslink.planning;

import java.util.Map;

import io.glasslink.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of the full-context tests: one shared Spring context on real PostgreSQL and Kafka, seeded,
 * trusting the tests' own gateway key. Every test class extends it, so the context starts once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "glasslink.test.database=planning",
        "glasslink.planning.holds.expiry-interval=PT1H"})
@RealInfrastructure
public abstract class PlanningIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("glasslink.identity.public-key-location", TestIdentity::publicKeyLocation);
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

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
