package io.glasslink.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

    @Test
    void leftoversAreFoundByTheHomeOnTheirCommandLineEvenWithoutPidFiles() throws Exception {
        PlatformSettings settings = new PlatformSettings(root, root.resolve("home"), PortPlan.allFree(),
                Duration.ofSeconds(10), List.of(), List.of());
        PlatformSettings neighbour = new PlatformSettings(root, root.resolve("home2"), PortPlan.allFree(),
                Duration.ofSeconds(10), List.of(), List.of());
        // what a killed launcher leaves: JVMs whose command line carries -Dglasslink.home=<home>, no pid files
        Process service = marked(settings, "planning-service.jar");
        Process stubborn = new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 60; true", RunState.homeMarker(settings.home())).start();
        // another platform on the same machine whose home only starts with the same characters
        Process other = marked(neighbour, "planning-service.jar");
        List<ProcessHandle> sleepers = List.of();
        try {
            Thread.sleep(200); // the shell has set its trap
            // a shell ended by TERM leaves its sleep behind, which would outlive the test
            sleepers = Stream.of(service, stubborn, other).flatMap(Process::descendants).toList();
            assertThat(new RunState(settings).leftovers()).extracting(l -> l.process().pid())
                    .containsExactlyInAnyOrder(service.pid(), stubborn.pid());
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            List<RunState.Leftover> ended = new RunState(settings).endLeftovers(new PrintStream(out, true), Duration.ofSeconds(1));

            assertThat(ended).hasSize(2);
            assertThat(service.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stubborn.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(other.isAlive()).isTrue();
            assertThat(out.toString()).contains("ending leftover sh (pid " + stubborn.pid() + ")")
                    .contains("(pid " + stubborn.pid() + ") did not stop within 1 s: killed (SIGKILL)");
            assertThat(new RunState(settings).leftovers()).isEmpty();
        } finally {
            service.destroyForcibly();
            stubborn.destroyForcibly();
            other.destroyForcibly();
            sleepers.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** A process whose command line looks like a service JVM of the platform at {@code settings}' home. */
    private static Process marked(PlatformSettings settings, String jar) throws Exception {
        return new ProcessBuilder("sh", "-c", "sleep 60; true", RunState.homeMarker(settings.home()), "-jar", jar).start();
    }
}
