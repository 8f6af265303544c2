package io.glasslink.launcher.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.glasslink.launcher.kafka.LocalKafka;
import io.glasslink.launcher.postgres.LocalPostgres;
import io.glasslink.launcher.postgres.PostgresUnit;
import io.glasslink.launcher.process.Java;
import io.glasslink.launcher.process.LaunchException;
import io.glasslink.launcher.process.ManagedProcess;
import io.glasslink.launcher.process.Memory;
import io.glasslink.launcher.process.Ports;
import io.glasslink.launcher.s3.LocalS3;
import io.glasslink.launcher.supervisor.ProcessUnit;
import io.glasslink.launcher.supervisor.Supervised;
import io.glasslink.launcher.supervisor.Supervisor;

/**
 * The local platform: PostgreSQL, the S3 store and Kafka first, then the link simulator and the
 * five services, each service in a JVM of its own. {@link #start()} returns once every service is
 * ready or throws a {@link LaunchException} that explains why not (after stopping what it had
 * started); from then on the {@link Supervisor} restarts a process that crashes. {@link #close()}
 * stops everything in reverse order, each process within {@link #STOP_GRACE} of its SIGTERM.
 */
public final class Platform implements AutoCloseable {

    public static final String DB_USERNAME = "glasslink";
    public static final String DB_PASSWORD = "glasslink";
    public static final String S3_ACCESS_KEY = "glasslink";
    public static final String S3_SECRET_KEY = "glasslink-secret";
    public static final String S3_REGION = "eu-west-3";
    public static final String LAKE_BUCKET = "glasslink-lake";
    public static final List<String> DATABASES = List.of("supplychain", "planning", "booking");
    static final String LINK_SIMULATOR = "link-simulator";
    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";
    /** The bound on a stop: SIGTERM, then SIGKILL once this has passed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final PlatformSettings settings;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final Supervisor supervisor;
    private LocalS3 s3;
    private PostgresUnit postgres;
    private ProcessUnit kafka;
    private ProcessUnit linkSimulator;
    private volatile boolean closed;
    private final Map<ServiceSpec, ProcessUnit> services = new LinkedHashMap<>();

    public Platform(PlatformSettings settings, PrintStream out) {
        this(settings, out, Clock.systemUTC());
    }

    public Platform(PlatformSettings settings, PrintStream out, Clock clock) {
        this.settings = settings;
        this.out = out;
        this.supervisor = new Supervisor(Supervisor.Policy.onFailure(settings.restartLimit()), clock, this::progress);
    }

    /** What start-up achieved: elapsed time and resident memory of everything started. */
    public record Started(Duration elapsed, Memory.Usage memory) {
    }

    /** Starts everything, waits until all services are ready, then watches them. */
    public Started start() {
        try {
            preflight();
            LocalKafka.Layout kafkaLayout = startInfrastructure();
            // the link simulator needs neither Kafka nor a database: let it start while the broker does
            startLinkSimulator();
            ProcessUnit broker = kafka;
            if (broker == null) {
                throw new LaunchException("stopped while starting");
            }
            LocalKafka.awaitReady(broker.process(), kafkaLayout.bootstrapServers(), settings.startupTimeout());
            progress("kafka ready");
            for (ServiceSpec spec : ServiceSpec.all(settings.ports())) {
                startService(spec);
            }
            awaitReady();
            writeEndpoints();
            supervisor.watch();
            return new Started(elapsed(), Memory.of(pids()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Restarts, stops and starts processes for ops; restarts crashed ones by itself once started. */
    public Supervisor supervisor() {
        return supervisor;
    }

    private synchronized void startService(ServiceSpec spec) {
        // Ctrl-C during start-up runs close() on another thread: start nothing after it
        if (closed) {
            throw new LaunchException("stopped while starting");
        }
        progress("starting " + spec.name() + " on port " + spec.port());
        ProcessUnit unit = new ProcessUnit(spec.name(), settings.logFile(spec.name()),
                () -> ManagedProcess.start(spec.name(), serviceCommand(spec.jar(settings.root())), serviceEnvironment(spec),
                        settings.root(), settings.logFile(spec.name()), settings.pidFile(spec.name())),
                () -> HealthProbe.isReady(spec.baseUrl()));
        unit.start();
        services.put(spec, unit);
        supervisor.add(unit);
    }

    /** The environment a service gets: its port, its database, Kafka, S3 and the URLs of its peers. */
    public Map<String, String> serviceEnvironment(ServiceSpec spec) {
        PortPlan p = settings.ports();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(spec.port()));
        spec.database().ifPresent(db -> {
            env.put("DB_URL", "jdbc:postgresql://localhost:" + p.postgres() + "/" + db);
            env.put("DB_USERNAME", DB_USERNAME);
            env.put("DB_PASSWORD", DB_PASSWORD);
            env.put("DB_POOL_SIZE", "5");
        });
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + p.kafka());
        env.put("S3_ENDPOINT", "http://127.0.0.1:" + p.s3());
        env.put("S3_ACCESS_KEY", S3_ACCESS_KEY);
        env.put("S3_SECRET_KEY", S3_SECRET_KEY);
        env.put("S3_REGION", S3_REGION);
        env.put("LAKE_BUCKET", LAKE_BUCKET);
        env.put("GATEWAY_URL", "http://localhost:" + p.gateway());
        env.put("BOOKING_WEB_URL", "http://localhost:" + p.bookingWeb());
        // cloud -> on-premise always crosses the simulated link
        env.put("SUPPLY_CHAIN_URL", "http://localhost:" + p.linkSupplyChain());
        env.put("PLANNING_URL", "http://localhost:" + p.linkPlanning());
        // docs/contracts.md "Shared shapes": demo data is on for the local platform
        env.put("GLASSLINK_DEMO_DATA", "true");
        return env;
    }

    /** Pids of the processes this platform runs (the launcher JVM included: it hosts S3Proxy). */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        for (Supervised unit : units()) {
            unit.pid().ifPresent(pid -> {
                if (unit.isAlive()) {
                    pids.add(pid);
                }
            });
        }
        return pids;
    }

    /** Stops the services, then the link simulator, Kafka, the S3 store and PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        supervisor.close();
        List<ProcessUnit> servicesToStop = new ArrayList<>(services.values());
        // services first, all at once: SIGTERM lets each finish its requests and close its pools
        servicesToStop.forEach(p -> progress("stopping " + p.name()));
        List<Thread> stoppers = servicesToStop.stream()
                .map(p -> new Thread(() -> stop(p), "stop-" + p.name())).toList();
        stoppers.forEach(Thread::start);
        stoppers.forEach(Platform::join);
        services.clear();
        if (linkSimulator != null) {
            progress("stopping " + LINK_SIMULATOR);
            stop(linkSimulator);
            linkSimulator = null;
        }
        if (kafka != null) {
            progress("stopping kafka");
            stop(kafka);
            kafka = null;
        }
        if (s3 != null) {
            progress("stopping S3 store");
            quietly(s3::close);
            s3 = null;
        }
        if (postgres != null) {
            progress("stopping postgres");
            stop(postgres);
            postgres = null;
            quietly(() -> Files.deleteIfExists(settings.pidFile(POSTGRES)));
        }
        quietly(() -> Files.deleteIfExists(settings.run().resolve(RunState.ENDPOINTS)));
        quietly(() -> Files.deleteIfExists(settings.run().resolve(RunState.PLATFORM)));
    }

    private void stop(Supervised unit) {
        if (supervisor.status(unit.name()).isPresent()) {
            supervisor.stopForShutdown(unit.name());
        } else if (unit.isAlive()) {
            ManagedProcess.Stopped stopped = unit.stop(STOP_GRACE);
            progress(unit.name() + (stopped.killed()
                    ? " did not stop within " + STOP_GRACE.toSeconds() + " s of SIGTERM: killed (SIGKILL)"
                    : String.format(" stopped in %.1f s", stopped.took().toMillis() / 1000.0)));
        }
    }

    private void preflight() {
        List<String> missing = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.all(settings.ports())) {
            if (!Files.isRegularFile(spec.jar(settings.root()))) {
                missing.add(settings.root().relativize(spec.jar(settings.root())).toString());
            }
        }
        if (!Files.isDirectory(kafkaLib())) {
            missing.add(settings.root().relativize(kafkaLib()).toString());
        }
        if (!missing.isEmpty()) {
            throw new LaunchException("not built yet: " + String.join(", ", missing)
                    + "\n  build with: ./mvnw -B -q -DskipTests package   (./glasslink up does it for you)");
        }
        List<String> taken = new ArrayList<>();
        settings.ports().purposes().forEach((port, purpose) -> {
            if (!Ports.isFree(port)) {
                taken.add("  port " + port + " (" + purpose + ") is taken" + Ports.owner(port).map(o -> " by " + o).orElse(""));
            }
        });
        if (!taken.isEmpty()) {
            throw new LaunchException("cannot start, ports in use:\n" + String.join("\n", taken)
                    + "\n  stop those processes or move glasslink with GLASSLINK_PORT_<NAME>=<port> (see ./glasslink help)");
        }
    }

    private synchronized LocalKafka.Layout startInfrastructure() {
        PortPlan p = settings.ports();
        progress("starting kafka (KRaft) on port " + p.kafka());
        LocalKafka.Layout layout = new LocalKafka.Layout(kafkaLib(), settings.home().resolve("kafka"),
                settings.data().resolve("kafka"), p.kafka(), p.kafkaController());
        kafka = new ProcessUnit(KAFKA, settings.logFile(KAFKA),
                () -> LocalKafka.start(layout, withHomeMarker(settings.kafkaJvmOptions()), settings.logFile(KAFKA), settings.pidFile(KAFKA)),
                () -> Ports.isListening(p.kafka()));
        kafka.start();
        supervisor.add(kafka);
        progress("starting postgres on port " + p.postgres());
        postgres = new PostgresUnit(p.postgres(), settings.logFile(POSTGRES), () -> {
            LocalPostgres pg = LocalPostgres.start(settings.data().resolve("postgres"), settings.home().resolve("postgres-binaries"),
                    p.postgres(), settings.logFile(POSTGRES), DB_USERNAME, DB_PASSWORD, DATABASES);
            pg.pid().ifPresent(pid -> quietly(() -> Files.writeString(settings.pidFile(POSTGRES), Long.toString(pid))));
            return pg;
        });
        postgres.start();
        supervisor.add(postgres);
        progress("postgres ready (databases " + String.join(", ", DATABASES) + ")");
        progress("starting S3 store on port " + p.s3());
        s3 = LocalS3.start(settings.data().resolve("s3"), p.s3(), S3_ACCESS_KEY, S3_SECRET_KEY, LAKE_BUCKET);
        progress("S3 store ready (bucket " + LAKE_BUCKET + ")");
        return layout;
    }

    private synchronized void startLinkSimulator() {
        Path jar = settings.root().resolve("infra/link-simulator/target/link-simulator-exec.jar");
        if (!Files.isRegularFile(jar)) {
            progress("NOTICE: " + settings.root().relativize(jar) + " not built: skipping the link simulator"
                    + " (cloud -> on-premise calls will fail until it runs)");
            return;
        }
        PortPlan p = settings.ports();
        if (closed) {
            throw new LaunchException("stopped while starting");
        }
        progress("starting " + LINK_SIMULATOR + " (control port " + p.linkControl() + ")");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(p.linkControl()));
        env.put("LINK_CONTROL_PORT", Integer.toString(p.linkControl()));
        env.put("LINK_SUPPLY_CHAIN_LISTEN_PORT", Integer.toString(p.linkSupplyChain()));
        env.put("LINK_SUPPLY_CHAIN_UPSTREAM", "localhost:" + p.supplyChain());
        env.put("LINK_PLANNING_LISTEN_PORT", Integer.toString(p.linkPlanning()));
        env.put("LINK_PLANNING_UPSTREAM", "localhost:" + p.planning());
        String url = "http://localhost:" + p.linkControl();
        linkSimulator = new ProcessUnit(LINK_SIMULATOR, settings.logFile(LINK_SIMULATOR),
                () -> ManagedProcess.start(LINK_SIMULATOR, serviceCommand(jar), env, settings.root(),
                        settings.logFile(LINK_SIMULATOR), settings.pidFile(LINK_SIMULATOR)),
                () -> HealthProbe.isReady(url));
        linkSimulator.start();
        supervisor.add(linkSimulator);
    }

    private void awaitReady() {
        Map<String, ProcessUnit> pending = new LinkedHashMap<>();
        if (linkSimulator != null) {
            pending.put(LINK_SIMULATOR, linkSimulator);
        }
        services.forEach((spec, unit) -> pending.put(spec.name(), unit));
        long deadline = startNanos + settings.startupTimeout().toNanos();
        long nextNotice = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!pending.isEmpty()) {
            if (closed) {
                throw new LaunchException("stopped while starting");
            }
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                ManagedProcess proc = e.getValue().process();
                if (!proc.isAlive()) {
                    throw new LaunchException(e.getKey() + " exited with code " + proc.exitValue()
                            + " while starting. Last lines of " + proc.logFile() + ":\n" + proc.tail(40));
                }
                if (e.getValue().isReady()) {
                    progress(e.getKey() + " ready");
                    it.remove();
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                String names = String.join(", ", pending.keySet());
                StringBuilder msg = new StringBuilder("start-up timed out after " + settings.startupTimeout().toSeconds()
                        + " s (GLASSLINK_STARTUP_TIMEOUT); not ready: " + names);
                pending.values().forEach(p -> msg.append("\n--- last lines of ").append(p.logFile()).append(":\n")
                        .append(ManagedProcess.tail(p.logFile(), 10)));
                throw new LaunchException(msg.toString());
            }
            if (now > nextNotice) {
                progress("waiting for " + String.join(", ", pending.keySet()));
                nextNotice = now + Duration.ofSeconds(15).toNanos();
            }
            sleep(500);
        }
    }

    private void writeEndpoints() {
        Properties endpoints = new Properties();
        if (linkSimulator != null) {
            endpoints.setProperty(LINK_SIMULATOR, "http://localhost:" + settings.ports().linkControl());
        }
        services.keySet().forEach(s -> endpoints.setProperty(s.name(), s.baseUrl()));
        quietly(() -> {
            try (var w = Files.newBufferedWriter(settings.run().resolve(RunState.ENDPOINTS))) {
                endpoints.store(w, "health base URLs of the running platform");
            }
        });
        quietly(() -> {
            try (var w = Files.newBufferedWriter(settings.run().resolve(RunState.PLATFORM))) {
                platformProperties().store(w, "where the running platform's parts listen, for tools such as ./glasslink drill");
            }
        });
    }

    /** Ports, URLs and the local credentials of the running platform. */
    Properties platformProperties() {
        PortPlan p = settings.ports();
        Properties props = new Properties();
        p.named().forEach((name, port) -> props.setProperty("port." + name, Integer.toString(port)));
        props.setProperty("kafka.bootstrap", "localhost:" + p.kafka());
        DATABASES.forEach(db -> props.setProperty("db." + db + ".url", "jdbc:postgresql://localhost:" + p.postgres() + "/" + db));
        props.setProperty("db.username", DB_USERNAME);
        props.setProperty("db.password", DB_PASSWORD);
        props.setProperty("s3.endpoint", "http://127.0.0.1:" + p.s3());
        props.setProperty("s3.access-key", S3_ACCESS_KEY);
        props.setProperty("s3.secret-key", S3_SECRET_KEY);
        props.setProperty("s3.region", S3_REGION);
        props.setProperty("s3.bucket", LAKE_BUCKET);
        return props;
    }

    /**
     * JVM options with {@code -Dglasslink.home=<home>} first: every JVM of this platform names its home
     * on its command line, so a later {@code up} or {@code stop} finds what a killed launcher left.
     */
    private List<String> withHomeMarker(List<String> jvmOptions) {
        List<String> options = new ArrayList<>();
        options.add(RunState.homeMarker(settings.home()));
        options.addAll(jvmOptions);
        return options;
    }

    private List<String> serviceCommand(Path jar) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Java.executable());
        cmd.addAll(withHomeMarker(settings.serviceJvmOptions()));
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        return cmd;
    }

    private List<Supervised> units() {
        List<Supervised> all = new ArrayList<>();
        if (postgres != null) {
            all.add(postgres);
        }
        if (kafka != null) {
            all.add(kafka);
        }
        if (linkSimulator != null) {
            all.add(linkSimulator);
        }
        all.addAll(services.values());
        return all;
    }

    private Path kafkaLib() {
        return settings.root().resolve("infra/kafka-server/target/lib");
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private void progress(String line) {
        out.printf("[%6.1f s] %s%n", elapsed().toMillis() / 1000.0, line);
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while starting");
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void quietly(Action action) {
        try {
            action.run();
        } catch (Exception ignored) {
            // best effort while stopping; nothing useful to add for the user
        }
    }
}
