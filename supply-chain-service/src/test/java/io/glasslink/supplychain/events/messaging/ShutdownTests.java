package io.glasslink.supplychain.events.messaging;

import java.time.Duration;
import java.util.UUID;

import io.glasslink.supplychain.SupplyChainApplication;
import io.glasslink.supplychain.TestData;
import io.glasslink.supplychain.TestIdentity;
import io.glasslink.supplychain.holds.HoldService;
import io.glasslink.supplychain.holds.PlaceHold;
import io.glasslink.testsupport.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service stops within 20 s (what SIGTERM gets before SIGKILL) even when Kafka is gone with
 * events still to send and PostgreSQL is gone under the running jobs: a PostgreSQL of its own,
 * stopped before the context closes, and a Kafka address where no broker listens.
 */
class ShutdownTests {

    static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void contextClosesWithinTheBoundWithKafkaAndPostgresGone() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplicationBuilder(SupplyChainApplication.class).run(
                    "--server.port=0",
                    "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres",
                    "--spring.kafka.bootstrap-servers=127.0.0.1:" + FreePorts.find(),
                    "--spring.kafka.admin.auto-create=false",
                    "--glasslink.identity.secret=" + TestIdentity.secret(),
                    "--glasslink.supply.hold-expiry-interval=PT0.5S",
                    "--logging.level.root=WARN");
            TestData data = new TestData(app.getBean(JdbcClient.class));
            String part = data.newPart(null);
            data.stock(part, "C050", 5);
            HoldService holds = app.getBean(HoldService.class);
            for (int i = 0; i < 3; i++) {
                holds.place(new PlaceHold("BK-" + UUID.randomUUID(), part, 1, "C050", Duration.ofMinutes(15)),
                        "key-" + UUID.randomUUID());
            }
            pg.close();

            long start = System.nanoTime();
            app.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            System.out.printf("supply-chain context closed in %d ms with Kafka and PostgreSQL gone%n", took.toMillis());
            assertThat(took).isLessThan(BOUND);
        } finally {
            if (app != null && app.isActive()) {
                app.close();
            }
            pg.close();
        }
    }
}
