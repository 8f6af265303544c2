package io.glasslink.planning;

import java.time.Duration;
import java.util.UUID;

import io.glasslink.planning.events.SwitchableTcpProxy;
import io.glasslink.planning.workforce.TechnicianAbsenceRecorded;
import io.glasslink.testsupport.FreePorts;
import io.glasslink.testsupport.PostgresServer;
import io.glasslink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import io.glasslink.testsupport.ProblemChecks;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service stops within 20 s of SIGTERM (what closing its context does) even when the Kafka broker and PostgreSQL
 * are gone while the producer still holds unsent events (meanwhile a request answers 503 with Retry-After); started with
 * the defaults, it loads the reference network and no demo data.
 */
class ShutdownBoundTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void theServiceStopsWithinTwentySecondsWithTheBrokerAndTheDatabaseGone() throws Exception {
        PostgresServer pg = TestInfrastructure.postgres();
        String database = "planning_shutdown_" + System.nanoTime();
        pg.createDatabase(database);
        // a broker of its own, to stop (the producer talks to the broker's advertised address, past any proxy)
        EmbeddedKafkaKraftBroker kafka = TestInfrastructure.newPrivateKafkaBroker(3, "planning.events");
        try (SwitchableTcpProxy db = new SwitchableTcpProxy(FreePorts.find(), pg.host() + ":" + pg.port())) {
            db.up();
            // as command-line arguments: above application.yml, as the environment would be
            ConfigurableApplicationContext service = new SpringApplicationBuilder(PlanningApplication.class, BusinessTime.class)
                    .run("--server.port=0",
                            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + db.port() + "/" + database,
                            "--spring.datasource.username=" + pg.username(), "--spring.datasource.password=" + pg.password(),
                            "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                            "--glasslink.identity.secret=" + TestIdentity.secret(),
                            "--glasslink.planning.holds.expiry-interval=PT1H",
                            "--management.tracing.export.zipkin.enabled=false");
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from centre", Integer.class)).isEqualTo(450);
            assertThat(jdbc.queryForObject("select count(*) from technician", Integer.class)).as("no demo data by default").isZero();

            publishAbsence(service);
            waitFor(() -> incomplete(jdbc) == 0, "the first event reaches Kafka (the producer learns the topic)");
            kafka.destroy();
            for (int i = 0; i < 5; i++) {
                publishAbsence(service);
            }
            waitFor(() -> jdbc.queryForObject("select count(*) from event_publication where status = 'PROCESSING'",
                    Integer.class) == 5, "five events handed to the producer while the broker is gone");
            db.close();
            ResponseEntity<String> answer = RestClient.builder()
                    .baseUrl("http://localhost:" + service.getEnvironment().getProperty("local.server.port"))
                    .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build()
                    .get().uri("/api/v1/appointments/{id}", UUID.randomUUID())
                    .header("X-Glasslink-Identity", TestIdentity.token()).retrieve().toEntity(String.class);
            assertThat(answer.getStatusCode().value()).as("PostgreSQL gone: 503").isEqualTo(503);
            ProblemChecks.check(503, answer.getHeaders()::getFirst, answer.getBody());

            long start = System.nanoTime();
            service.close();
            Duration stopped = Duration.ofNanos(System.nanoTime() - start);
            assertThat(stopped).as("stopped in %s", stopped).isLessThan(BOUND);
        } finally {
            kafka.destroy();
        }
    }

    private static void publishAbsence(ConfigurableApplicationContext service) {
        service.getBean(TransactionTemplate.class).executeWithoutResult(status -> service.publishEvent(
                new TechnicianAbsenceRecorded(UUID.randomUUID(), UUID.randomUUID(), "T00001", "C001",
                        PlanningTime.paris(BusinessTime.now().plus(Duration.ofDays(20))),
                        PlanningTime.paris(BusinessTime.now().plus(Duration.ofDays(21))), "TRAINING",
                        PlanningTime.paris(BusinessTime.now()))));
    }

    private static int incomplete(JdbcTemplate jdbc) {
        Integer n = jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Integer.class);
        return n == null ? -1 : n;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
