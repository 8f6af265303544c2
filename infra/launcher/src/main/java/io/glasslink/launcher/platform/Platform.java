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
    static final String ZIPKIN = "zipkin";
    static final String OPS_CONSOLE = "ops-console";
    /** Zipkin's server jar (io.zipkin:zipkin-server, classifier exec), laid out by this module's build. */
    static final String ZIPKIN_JAR = "infra/launcher/target/zipkin/zipkin-server-exec.jar";
    static final String OPS_CONSOLE_JAR = "infra/ops-console/target/ops-console.jar";
    /** The ops credentials every actuator and the console share locally (docs/contracts.md, ops access). */
    static final String DEFAULT_OPS_USERNAME = "ops";
    static final String DEFAULT_OPS_PASSWORD = "dev-ops-password";
    /** The bound on a stop: SIGTERM, then SIGKILL once this has passed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** Zipkin's JVM: small, like the services' (its spans live in this heap). */
    static final List<String> ZIPKIN_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private final PlatformSettings settings;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final Supervisor supervisor;
    private LocalS3 s3;
    private PostgresUnit postgres;
    private ProcessUnit kafka;
    private ProcessUnit linkSimulator;
    private ProcessUnit zipkin;
    private ProcessUnit opsConsole;
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
            // the link simulator and Zipkin need neither Kafka nor a database: let them start while the broker does
            startLinkSimulator();
            startZipkin();
            ProcessUnit broker = kafka;
            if (broker == null) {
                throw new LaunchException("stopped while starting");
            }
            LocalKafka.awaitReady(broker.process(), kafkaLayout.bootstrapServers(), settings.startupTimeout());
            progress("kafka ready");
            for (ServiceSpec spec : ServiceSpec.all(settings.ports())) {
                startService(spec);
            }
            startOpsConsole();
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
        env.putAll(observabilityEnvironment());
        return env;
    }

    /** Where spans go (the exporter is off when Zipkin is not there) and the ops credentials the console uses. */
    Map<String, String> observabilityEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        boolean traces = zipkin != null;
        env.put("TRACING_EXPORT_ENABLED", Boolean.toString(traces));
        env.put("ZIPKIN_ENDPOINT", zipkinUrl() + "/api/v2/spans");
        env.put("OPS_USERNAME", opsUsername());
        env.put("OPS_PASSWORD", opsPassword());
        return env;
    }

    public String zipkinUrl() {
        return "http://localhost:" + settings.ports().zipkin();
    }

    public String opsConsoleUrl() {
        return "http://localhost:" + settings.ports().opsConsole();
    }

    /** The ops user: {@code OPS_USERNAME} of the launcher's environment, or the local default. */
    public static String opsUsername() {
        String v = System.getenv("OPS_USERNAME");
        return v == null || v.isBlank() ? DEFAULT_OPS_USERNAME : v;
    }

    public static String opsPassword() {
        String v = System.getenv("OPS_PASSWORD");
        return v == null || v.isBlank() ? DEFAULT_OPS_PASSWORD : v;
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
        if (opsConsole != null) {
            servicesToStop.add(opsConsole);
        }
        // services first, all at once: SIGTERM lets each finish its requests and close its pools
        servicesToStop.forEach(p -> progress("stopping " + p.name()));
        List<Thread> stoppers = servicesToStop.stream()
                .map(p -> new Thread(() -> stop(p), "stop-" + p.name())).toList();
        stoppers.forEach(Thread::start);
        stoppers.forEach(Platform::join);
        services.clear();
        opsConsole = null;
        if (zipkin != null) {
            progress("stopping " + ZIPKIN);
            stop(zipkin);
            zipkin = null;
        }
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

    /** Zipkin (its own JVM, spans in memory): the traces of every service, at {@link #zipkinUrl()}. */
    private synchronized void startZipkin() {
        Path jar = zipkinJar();
        if (!Files.isRegularFile(jar)) {
            progress("NOTICE: " + ZIPKIN_JAR + " not there: skipping Zipkin, services export no traces"
                    + " (build with ./mvnw -B -q -DskipTests -pl infra/launcher package)");
            return;
        }
        if (closed) {
            throw new LaunchException("stopped while starting");
        }
        progress("starting " + ZIPKIN + " on port " + settings.ports().zipkin());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUERY_PORT", Integer.toString(settings.ports().zipkin()));
        env.put("STORAGE_TYPE", "mem");
        // the in-memory store keeps at most this many spans, so its heap stays bounded on a long run
        env.put("MEM_MAX_SPANS", "200000");
        String url = zipkinUrl();
        List<String> cmd = new ArrayList<>();
        cmd.add(Java.executable());
        cmd.addAll(withHomeMarker(ZIPKIN_JVM_OPTIONS));
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        zipkin = new ProcessUnit(ZIPKIN, settings.logFile(ZIPKIN),
                () -> ManagedProcess.start(ZIPKIN, cmd, env, settings.root(), settings.logFile(ZIPKIN), settings.pidFile(ZIPKIN)),
                () -> HealthProbe.status(url + "/health") == 200);
        zipkin.start();
        supervisor.add(zipkin);
    }

    /** The ops console (Spring Boot Admin) with every service and the link simulator registered by URL. */
    private synchronized void startOpsConsole() {
        Path jar = settings.root().resolve(OPS_CONSOLE_JAR);
        if (!Files.isRegularFile(jar)) {
            progress("NOTICE: " + settings.root().relativize(jar) + " not built: skipping the ops console");
            return;
        }
        if (closed) {
            throw new LaunchException("stopped while starting");
        }
        PortPlan p = settings.ports();
        progress("starting " + OPS_CONSOLE + " on port " + p.opsConsole());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(p.opsConsole()));
        env.put("GATEWAY_URL", "http://localhost:" + p.gateway());
        env.put("BOOKING_WEB_URL", "http://localhost:" + p.bookingWeb());
        env.put("DATAHUB_URL", "http://localhost:" + p.datahub());
        // on-prem actuators are read directly (the ops network), not through the simulated link
        env.put("SUPPLY_CHAIN_URL", "http://localhost:" + p.supplyChain());
        env.put("PLANNING_URL", "http://localhost:" + p.planning());
        env.put("LINK_SIMULATOR_URL", "http://localhost:" + p.linkControl());
        env.put("OPS_USERNAME", opsUsername());
        env.put("OPS_PASSWORD", opsPassword());
        String url = opsConsoleUrl();
        opsConsole = new ProcessUnit(OPS_CONSOLE, settings.logFile(OPS_CONSOLE),
                () -> ManagedProcess.start(OPS_CONSOLE, serviceCommand(jar), env, settings.root(), settings.logFile(OPS_CONSOLE),
                        settings.pidFile(OPS_CONSOLE)),
                () -> HealthProbe.isReady(url));
        opsConsole.start();
        supervisor.add(opsConsole);
    }

    private void awaitReady() {
        Map<String, ProcessUnit> pending = new LinkedHashMap<>();
        if (linkSimulator != null) {
            pending.put(LINK_SIMULATOR, linkSimulator);
        }
        if (zipkin != null) {
            pending.put(ZIPKIN, zipkin);
        }
        services.forEach((spec, unit) -> pending.put(spec.name(), unit));
        if (opsConsole != null) {
            pending.put(OPS_CONSOLE, opsConsole);
        }
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
        if (opsConsole != null) {
            endpoints.setProperty(OPS_CONSOLE, opsConsoleUrl());
        }
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
        if (zipkin != null) {
            props.setProperty("zipkin.url", zipkinUrl());
        }
        if (opsConsole != null) {
            props.setProperty("ops-console.url", opsConsoleUrl());
        }
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
        if (zipkin != null) {
            all.add(zipkin);
        }
        all.addAll(services.values());
        if (opsConsole != null) {
            all.add(opsConsole);
        }
        return all;
    }

    /** Zipkin's jar beside the running launcher.jar (its target/zipkin/), else in the tree at {@link #ZIPKIN_JAR}. */
    private Path zipkinJar() {
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            Path dir = entry.isBlank() ? null : Path.of(entry).toAbsolutePath().getParent();
            if (dir != null && Files.isRegularFile(dir.resolve("zipkin/zipkin-server-exec.jar"))) {
                return dir.resolve("zipkin/zipkin-server-exec.jar");
            }
        }
        return settings.root().resolve(ZIPKIN_JAR);
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
