package io.glasslink.launcher.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.glasslink.launcher.process.Java;
import io.glasslink.launcher.process.LaunchException;
import io.glasslink.launcher.process.ManagedProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One Kafka broker in KRaft combined mode (broker and controller in one process), with
 * replication factor 1 for the internal topics so that consumer groups and transactions work.
 * The classpath is the broker's runtime classpath that {@code infra/kafka-server} lays out.
 */
public final class LocalKafka {

    private LocalKafka() {
    }

    /** Where the broker keeps its configuration and data, and which ports it uses. */
    public record Layout(Path libDir, Path configDir, Path dataDir, int port, int controllerPort) {

        public String bootstrapServers() {
            return "localhost:" + port;
        }
    }

    /** Writes the configuration, formats the storage on first use and starts the broker. */
    public static ManagedProcess start(Layout layout, List<String> jvmOptions, Path logFile, Path pidFile) {
        requireBrokerClasspath(layout.libDir());
        try {
            Files.createDirectories(layout.configDir());
            Files.createDirectories(layout.dataDir());
            Path props = layout.configDir().resolve("server.properties");
            Files.writeString(props, serverProperties(layout));
            Path log4j = layout.configDir().resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J2);
            List<String> jvm = new ArrayList<>(jvmOptions);
            jvm.add("-Dlog4j2.configurationFile=" + log4j.toAbsolutePath());
            if (!Files.exists(layout.dataDir().resolve("meta.properties"))) {
                format(layout, props, jvm, logFile);
            }
            return ManagedProcess.start("kafka", command(layout, jvm, "kafka.Kafka", props.toAbsolutePath().toString()),
                    Map.of(), layout.configDir(), logFile, pidFile);
        } catch (IOException e) {
            throw new LaunchException("cannot prepare Kafka under " + layout.configDir() + ": " + e.getMessage(), e);
        }
    }

    /** Polls the broker with a metadata request until it answers, the process dies or time is up. */
    public static void awaitReady(ManagedProcess broker, String bootstrapServers, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500))) {
            while (true) {
                if (!broker.isAlive()) {
                    throw new LaunchException("Kafka exited with code " + broker.exitValue() + " while starting. Last lines of "
                            + broker.logFile() + ":\n" + broker.tail(30));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (notYet instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new LaunchException("interrupted while waiting for Kafka");
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new LaunchException("Kafka did not become ready within " + timeout.toSeconds()
                            + " s. Last lines of " + broker.logFile() + ":\n" + broker.tail(30));
                }
            }
        }
    }

    private static void requireBrokerClasspath(Path libDir) {
        try (var jars = Files.list(libDir)) {
            if (jars.noneMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"))) {
                throw new LaunchException("no Kafka broker jars in " + libDir);
            }
        } catch (IOException e) {
            throw new LaunchException("no Kafka broker jars in " + libDir
                    + ": build them with ./mvnw -B -q -DskipTests -pl infra/kafka-server package");
        }
    }

    private static void format(Layout layout, Path props, List<String> jvm, Path logFile) throws IOException {
        String answer = runTool(layout, jvm, logFile, "random-uuid");
        // the tool may log before it prints the id: the id is the last line
        String[] lines = answer.trim().split("\\R");
        String clusterId = lines[lines.length - 1].trim();
        if (!clusterId.matches("[A-Za-z0-9_-]{22}")) {
            throw new LaunchException("kafka StorageTool random-uuid answered '" + answer + "'");
        }
        runTool(layout, jvm, logFile, "format", "-t", clusterId, "-c", props.toAbsolutePath().toString());
    }

    private static String runTool(Layout layout, List<String> jvm, Path logFile, String... args) throws IOException {
        List<String> cmd = command(layout, jvm, "kafka.tools.StorageTool", args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                Files.writeString(logFile, out);
                throw new LaunchException("kafka StorageTool " + args[0] + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while formatting Kafka storage");
        }
        return out;
    }

    private static List<String> command(Layout layout, List<String> jvm, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Java.executable());
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(layout.libDir().toAbsolutePath() + "/*");
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    static String serverProperties(Layout l) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + l.controllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + l.port() + ",CONTROLLER://127.0.0.1:" + l.controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + l.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + l.dataDir().toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "num.network.threads=2",
                "num.io.threads=2",
                "");
    }

    private static final String LOG4J2 = String.join("\n",
            "status = warn",
            "appender.console.type = Console",
            "appender.console.name = STDOUT",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.stdout.ref = STDOUT",
            "logger.state.name = state.change.logger",
            "logger.state.level = warn",
            "logger.clients.name = org.apache.kafka.clients",
            "logger.clients.level = warn",
            "");
}
