package io.glasslink.drill;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.glasslink.drill.faults.Fault;
import io.glasslink.drill.faults.FailoverUnderLoad;
import io.glasslink.drill.faults.FaultContext;
import io.glasslink.drill.invariants.Invariant;
import io.glasslink.drill.invariants.Invariants;
import io.glasslink.drill.load.DrillSimulation;
import io.glasslink.drill.load.LoadSettings;
import io.glasslink.drill.load.Outcomes;
import io.glasslink.drill.platform.Http;
import io.glasslink.drill.platform.LauncherControl;
import io.glasslink.drill.platform.PlatformAccess;
import io.glasslink.drill.report.Failover;
import io.glasslink.drill.report.FaultResult;
import io.glasslink.drill.report.Report;

/**
 * The fault drill against a running local platform: Gatling's load through the gateway for the whole
 * run, the plan's faults one after another — each held, ended, then recovery awaited and every
 * invariant checked — then Direct Connect cuts for the failover figures, the invariants once more at
 * the end, and the report (printed, and written under {@code <home>/drill/<time>/} beside Gatling's
 * HTML report). {@link #run()} answers whether every invariant held after every fault.
 */
public final class Drill {

    /** How long the platform gets to answer again after a fault. */
    static final Duration RECOVERY = Duration.ofMinutes(5);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("Europe/Paris"));
    private static final List<LoadSettings.Vehicle> VEHICLES = List.of(
            new LoadSettings.Vehicle("Renault", "Clio", 2021, null), new LoadSettings.Vehicle("Peugeot", "208", 2021, null),
            new LoadSettings.Vehicle("Volkswagen", "Golf", 2019, null), new LoadSettings.Vehicle("Citroen", "C3", 2020, null),
            new LoadSettings.Vehicle("Toyota", "Yaris", 2021, null));
    private static final List<String> POSTCODES = List.of("75011", "69003", "13008", "33000", "59000", "31000", "44000", "67000");

    private final DrillOptions options;
    private final PrintStream out;
    private Path reportDir;
    /** Where a 503 with Retry-After is the right answer: from each fault that takes a part away to the platform's recovery. */
    private final List<Outcomes.Unavailable> unavailable = new ArrayList<>();

    public Drill(DrillOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new Drill(DrillOptions.parse(List.of(args), System.getenv()), System.out).run().passed() ? 0 : 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("glasslink drill: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    /** What a run found: one row per fault, the invariants at the end, the failover cuts, where the reports are. */
    public record Outcome(List<FaultResult> faults, List<Invariant> atTheEnd, Failover failover, Path report, Path gatlingReport) {

        public boolean passed() {
            return faults.stream().allMatch(FaultResult::allHold) && atTheEnd.stream().allMatch(Invariant::holds);
        }
    }

    public Outcome run() {
        PlatformAccess platform = PlatformAccess.of(options.home());
        FaultContext context = new FaultContext(platform, platform.launcher(), platform.link(), out);
        requireReady(platform.launcher());
        platform.link().restoreAll();
        Instant start = Instant.now();
        reportDir = options.home().resolve("drill").resolve(STAMP.format(start));
        List<LoadSettings.Vehicle> vehicles = windscreens(platform);
        out.printf("glasslink drill (%s plan): %d faults, load %.1f partners/s + %.1f web customers/s through %s%n",
                options.plan(), options.faults().size(), options.partnersPerSecond(), options.webPerSecond(), platform.gatewayUrl());
        Outcomes.reset();
        LoadSettings.use(new LoadSettings(platform.gatewayUrl(), options.partnersPerSecond(), options.webPerSecond(), vehicles,
                POSTCODES, Duration.ofHours(6)));
        AtomicInteger gatlingExit = new AtomicInteger(-1);
        Thread gatling = new Thread(() -> gatlingExit.set(runGatling(reportDir.resolve("gatling"))), "gatling");
        gatling.start();
        List<FaultResult> results = new ArrayList<>();
        Failover failover = new Failover(List.of());
        List<Invariant> atTheEnd;
        try (Invariants invariants = new Invariants(platform, start)) {
            out.printf("warming up for %d s%n", options.warmup().toSeconds());
            FaultContext.sleep(options.warmup().toMillis());
            if (!gatling.isAlive() || Outcomes.requests(0, Long.MAX_VALUE).isEmpty()) {
                throw new IllegalStateException("Gatling sends no load (exit code " + gatlingExit.get() + "; see above):"
                        + " no drill without load");
            }
            int n = 0;
            for (Fault fault : options.faults()) {
                n++;
                out.printf("%n[%d/%d] %s%n", n, options.faults().size(), fault.name());
                FaultResult result = runOne(fault, context, platform, invariants);
                results.add(result);
                Report.printRow(out, n, result);
                FaultContext.sleep(options.pause().toMillis());
            }
            if (options.failoverCuts() > 0) {
                out.printf("%nfailover under load: %d Direct Connect cuts%n", options.failoverCuts());
                failover = new FailoverUnderLoad(context).measure(options.failoverCuts());
            }
            Outcomes.finish();
            joinQuietly(gatling, Duration.ofMinutes(3));
            out.printf("%nat the end%n");
            atTheEnd = invariants.checkAll(start.toEpochMilli(), List.copyOf(unavailable));
        } finally {
            Outcomes.finish();
            platform.link().restoreAll();
        }
        Path gatlingReport = gatlingIndex(reportDir.resolve("gatling")).orElse(null);
        Outcome outcome = new Outcome(results, atTheEnd, failover, reportDir.resolve("drill-report.md"), gatlingReport);
        String report = Report.render(options, platform, start, outcome, Outcomes.requests(0, Long.MAX_VALUE).size(), gatlingExit.get());
        try {
            Files.createDirectories(reportDir);
            Files.writeString(outcome.report(), report);
        } catch (IOException e) {
            out.println("cannot write " + outcome.report() + ": " + e.getMessage());
        }
        out.println();
        out.println(report);
        return outcome;
    }

    private FaultResult runOne(Fault fault, FaultContext context, PlatformAccess platform, Invariants invariants) {
        Fault.Timeline timeline;
        try {
            timeline = fault.inject(context);
        } catch (Exception e) {
            long now = System.currentTimeMillis();
            timeline = new Fault.Timeline(now, null, "the drill could not inject it: " + e.getMessage(), now, "");
        }
        Long recovered = awaitRecovery(platform).orElse(null);
        if (fault.takesAPartAway()) {
            unavailable.add(new Outcomes.Unavailable(timeline.injectedAt(), recovered != null ? recovered : System.currentTimeMillis(), fault.name()));
        }
        out.printf("  %s%n", recovered == null ? "the platform did not answer again within " + RECOVERY.toMinutes() + " min"
                : String.format("the platform answers again %.1f s after the fault", (recovered - timeline.injectedAt()) / 1000.0));
        out.printf("  checking the invariants (bookings settle within %d s, the lake catches up within %d s)%n",
                Invariants.SETTLE.toSeconds(), Invariants.LAKE_CATCH_UP.toSeconds());
        List<Invariant> checked = invariants.checkAll(timeline.injectedAt(), List.copyOf(unavailable));
        long end = System.currentTimeMillis();
        List<Outcomes.Request> answers = Outcomes.requests(timeline.injectedAt(), end);
        Map<String, Long> byKind = answers.stream().collect(Collectors.groupingBy(Outcomes.Request::kind, TreeMap::new, Collectors.counting()));
        return new FaultResult(fault.name(), timeline, recovered, end, answers.size(), byKind, checked);
    }

    /** When every process is ready and the gateway answers a search (not provisional) and the booking list again. */
    private Optional<Long> awaitRecovery(PlatformAccess platform) {
        String search = "{\"jobType\":\"WINDSCREEN_REPLACEMENT\",\"calibration\":false,\"partNumber\":\""
                + LoadSettings.current().vehicles().get(0).windscreen() + "\",\"postcode\":\"75011\",\"mode\":\"CENTRE\"}";
        Map<String, String> partner = Map.of("X-API-Key", PlatformAccess.PARTNER_KEY);
        return FaultContext.poll(() -> {
            if (!platform.launcher().processes().stream().allMatch(LauncherControl.Process::ready)) {
                return Optional.empty();
            }
            Http.Answer found = Http.send("POST", platform.gatewayUrl() + "/api/v1/availability/search", partner, search, Duration.ofSeconds(10));
            if (!found.ok() || found.json().path("provisional").asBoolean(true)) {
                return Optional.empty();
            }
            Http.Answer list = Http.send("GET", platform.gatewayUrl() + "/api/v1/bookings?page=0&size=1", partner, null, Duration.ofSeconds(10));
            if (!list.ok()) {
                return Optional.empty();
            }
            // recovered only once the gateway's circuit breakers have closed again: until then it still answers
            // some calls with its explicit 503 + Retry-After
            Http.Answer breakers = Http.send("GET", platform.gatewayUrl() + "/actuator/circuitbreakers",
                    Map.of("X-API-Key", PlatformAccess.OPS_KEY), null, Duration.ofSeconds(10));
            if (!breakers.ok()) {
                return Optional.empty();
            }
            for (var breaker : breakers.json().path("circuitBreakers")) {
                if (!"CLOSED".equals(breaker.path("state").asString())) {
                    return Optional.empty();
                }
            }
            return Optional.of(System.currentTimeMillis());
        }, Duration.ofMillis(500), RECOVERY);
    }

    private static void requireReady(LauncherControl launcher) {
        List<LauncherControl.Process> notReady = launcher.processes().stream().filter(p -> !p.ready()).toList();
        if (!notReady.isEmpty()) {
            throw new IllegalStateException("not every process is ready: " + notReady + " (./glasslink status)");
        }
    }

    /** The windscreen the catalogue has for each vehicle (through the gateway, as booking-web asks). */
    private static List<LoadSettings.Vehicle> windscreens(PlatformAccess platform) {
        List<LoadSettings.Vehicle> found = new ArrayList<>();
        for (LoadSettings.Vehicle v : VEHICLES) {
            Http.Answer parts = Http.send("GET", platform.gatewayUrl() + "/onprem/supply-chain/api/v1/parts?make=" + v.make()
                            + "&model=" + v.model() + "&year=" + v.year() + "&glassType=WINDSCREEN",
                    Map.of("X-API-Key", PlatformAccess.INTERNAL_KEY), null, Duration.ofSeconds(30));
            if (parts.ok() && parts.json().size() > 0) {
                found.add(new LoadSettings.Vehicle(v.make(), v.model(), v.year(), parts.json().get(0).path("partNumber").asString()));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("the catalogue has no windscreen for " + VEHICLES + " (gateway /onprem/supply-chain/api/v1/parts)");
        }
        return found;
    }

    private static int runGatling(Path results) {
        try {
            Files.createDirectories(results);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + results, e);
        }
        return io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", DrillSimulation.class.getName(),
                "--results-folder", results.toAbsolutePath().toString(),
                "--run-description", "glasslink fault drill"});
    }

    private static Optional<Path> gatlingIndex(Path results) {
        try (Stream<Path> found = Files.walk(results, 2)) {
            return found.filter(p -> p.getFileName().toString().equals("index.html")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void joinQuietly(Thread t, Duration patience) {
        try {
            t.join(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
