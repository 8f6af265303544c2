package io.glasslink.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.glasslink.drill.faults.Fault;
import io.glasslink.drill.faults.HeldDown;
import io.glasslink.drill.faults.LinkCut;
import io.glasslink.drill.faults.ProcessKill;

/**
 * How a drill runs: which platform ({@code GLASSLINK_HOME}), which plan, how much load.
 * <ul>
 * <li>{@code full} (ops): kill -9 of booking-web mid-saga, planning, supply-chain, datahub and the
 * gateway; Kafka broker kill -9, 30 s down; PostgreSQL stopped 20 s; Direct Connect cut 20 s; both paths
 * cut 60 s; then 10 Direct Connect cuts for the failover figures.</li>
 * <li>{@code ci}: kill -9 of booking-web mid-saga, Kafka broker kill -9 10 s down, Direct Connect cut 10 s.</li>
 * <li>{@code failover}: no fault, only the Direct Connect cuts for the failover figures.</li>
 * </ul>
 */
public record DrillOptions(Path home, String plan, List<Fault> faults, int failoverCuts, double partnersPerSecond,
                           double webPerSecond, Duration warmup, Duration pause) {

    static final String USAGE = """
            usage: ./glasslink drill [--plan full|ci] [--failover-cuts N] [--partners R] [--web R] [--warmup S]
              runs against the platform at GLASSLINK_HOME (default ./.glasslink), started with ./glasslink up
              --plan          full (default): every fault of the drill; ci: three of them (about 5 minutes);
                              failover: only the Direct Connect cuts for the failover figures
              --failover-cuts Direct Connect cuts measured for the failover figures (full, failover: 10; ci: 0)
              --partners      partner users per second (default 1.0); --web: web customers per second (default 0.4)
              --warmup        seconds of load before the first fault (default 30)""";

    public static List<Fault> plan(String name) {
        return switch (name) {
            case "full" -> List.of(
                    new ProcessKill("booking-web-service", true),
                    new ProcessKill("planning-service", false),
                    new ProcessKill("supply-chain-service", false),
                    new ProcessKill("datahub-service", false),
                    new ProcessKill("gateway-service", false),
                    new HeldDown("kafka", true, Duration.ofSeconds(30)),
                    new HeldDown("postgres", false, Duration.ofSeconds(20)),
                    LinkCut.directConnect(Duration.ofSeconds(20)),
                    LinkCut.bothPaths(Duration.ofSeconds(60)));
            case "failover" -> List.of();
            case "ci" -> List.of(
                    new ProcessKill("booking-web-service", true),
                    new HeldDown("kafka", true, Duration.ofSeconds(10)),
                    LinkCut.directConnect(Duration.ofSeconds(10)));
            default -> throw new IllegalArgumentException("unknown plan '" + name + "' (full, ci or failover)\n" + USAGE);
        };
    }

    public static DrillOptions parse(List<String> args, Map<String, String> env) {
        Path root = Path.of(System.getProperty("glasslink.root", ".")).toAbsolutePath().normalize();
        Path home = Path.of(env.getOrDefault("GLASSLINK_HOME", root.resolve(".glasslink").toString())).toAbsolutePath().normalize();
        String plan = "full";
        Integer cuts = null;
        double partners = 1.0;
        double web = 0.4;
        long warmup = 30;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "--plan" -> plan = required(a, value);
                case "--failover-cuts" -> cuts = (int) number(a, value);
                case "--partners" -> partners = number(a, value);
                case "--web" -> web = number(a, value);
                case "--warmup" -> warmup = (long) number(a, value);
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
            i++;
        }
        return new DrillOptions(home, plan, plan(plan), cuts != null ? cuts : plan.equals("ci") ? 0 : 10, partners, web,
                Duration.ofSeconds(warmup), Duration.ofSeconds(plan.equals("full") ? 10 : 3));
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static double number(String option, String value) {
        try {
            double d = Double.parseDouble(required(option, value));
            if (d < 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number from 0: " + value);
        }
    }
}
