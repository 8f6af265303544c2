package io.glasslink.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {

    @TempDir
    Path root;

    @Test
    void stopEndsLeftoversOfThisPlatformAndLeavesRecycledPidsAlone() throws Exception {
        PlatformSettings settings = new PlatformSettings(root, root.resolve(".glasslink"), PortPlan.allFree(),
                Duration.ofSeconds(10), List.of(), List.of());
        Files.createDirectories(settings.run());
        // a leftover of this platform: its command line names the platform's folder
        Path marker = Files.createFile(settings.home().resolve("marker"));
        Process ours = new ProcessBuilder("tail", "-f", marker.toString()).start();
        // a stranger that got a recorded pid after a reboot
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(settings.pidFile("kafka"), Long.toString(ours.pid()));
            Files.writeString(settings.pidFile("gateway-service"), Long.toString(stranger.pid()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            boolean found = new RunState(settings).stop(new PrintStream(out, true), Duration.ofSeconds(5));

            assertThat(found).isTrue();
            assertThat(ours.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stranger.isAlive()).isTrue();
            assertThat(out.toString()).contains("ending leftover kafka").doesNotContain("gateway-service");
            assertThat(settings.run()).isEmptyDirectory();
        } finally {
            ours.destroyForcibly();
            stranger.destroyForcibly();
        }
    }
}
