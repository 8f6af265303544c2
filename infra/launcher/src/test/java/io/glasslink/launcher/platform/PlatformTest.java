package io.glasslink.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlatformTest {

    private final PlatformSettings settings = new PlatformSettings(Path.of("/repo"), Path.of("/repo/.glasslink"),
            PortPlan.allFree(), Duration.ofSeconds(10), List.of(), List.of());
    private final Platform platform = new Platform(settings, new PrintStream(OutputStream.nullOutputStream()));

    @Test
    void servicesGetTheirDatabaseKafkaS3AndTheLinkFromTheLauncher() {
        ServiceSpec booking = ServiceSpec.all(settings.ports()).stream()
                .filter(s -> s.name().equals("booking-web-service")).findFirst().orElseThrow();

        Map<String, String> env = platform.serviceEnvironment(booking);

        assertThat(env).containsEntry("DB_URL", "jdbc:postgresql://localhost:" + settings.ports().postgres() + "/booking")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + settings.ports().kafka())
                .containsEntry("PLANNING_URL", "http://localhost:" + settings.ports().linkPlanning())
                .containsEntry("SUPPLY_CHAIN_URL", "http://localhost:" + settings.ports().linkSupplyChain())
                .containsEntry("GLASSLINK_DEMO_DATA", "true");
    }

    @Test
    void toolsFindEveryPortTheDatabasesAndTheLakeInThePlatformProperties() {
        var props = platform.platformProperties();

        assertThat(props.getProperty("port.gateway")).isEqualTo(Integer.toString(settings.ports().gateway()));
        assertThat(props.getProperty("port.link-control")).isEqualTo(Integer.toString(settings.ports().linkControl()));
        assertThat(props.getProperty("kafka.bootstrap")).isEqualTo("localhost:" + settings.ports().kafka());
        assertThat(props.getProperty("db.planning.url")).isEqualTo("jdbc:postgresql://localhost:" + settings.ports().postgres() + "/planning");
        assertThat(props.getProperty("s3.bucket")).isEqualTo(Platform.LAKE_BUCKET);
    }
}
