package io.glasslink.drill.invariants;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.glasslink.drill.load.Outcomes;
import io.glasslink.drill.platform.PlatformAccess;

/**
 * The drill's invariants, each checked from outside the services since the drill began:
 * <ol>
 * <li>every accepted booking ends CONFIRMED, CANCELLED or FAILED with a reason within {@link #SETTLE} after
 * recovery — none stuck in between, none lost (each reference the load was given is in the database);</li>
 * <li>0 overlapping live appointments (planning's database);</li>
 * <li>0 oversold stock: no stock row over its on-hand, and held/allocated agree with the holds (supply-chain's database);</li>
 * <li>every committed domain event in the lake exactly once by CloudEvent id (outboxes drained, Kafka topics, S3 listing);</li>
 * <li>0 valid events in {@code datahub.dlq};</li>
 * <li>no 5xx other than 503 with {@code Retry-After} to a request sent while a part of the platform was down on
 * purpose (from what the load got back; see infra/drill/README.md);</li>
 * </ol>
 * and, beyond the list, that on-prem agrees with the bookings (no confirmed appointment or part of a
 * failed or cancelled booking, an appointment for each confirmed one).
 */
public final class Invariants implements AutoCloseable {

    /** The stated time within which accepted bookings settle after recovery. */
    public static final Duration SETTLE = Duration.ofSeconds(120);
    /** How long the lake may take to catch up (the hub seals a file 30 s after it opened it, LAKE_FLUSH_AFTER). */
    public static final Duration LAKE_CATCH_UP = Duration.ofSeconds(180);
    private static final List<String> DOMAIN_TOPICS = List.of("booking.events", "supplychain.events", "planning.events");
    private static final Set<String> ENDED = Set.of("CONFIRMED", "CANCELLED", "FAILED");

    private final PlatformAccess platform;
    private final Instant since;
    private final Databases db;
    private final Topics topics;
    private final Lake lake;
    private final DeadLetters deadLetters = new DeadLetters();
    /** Ids found more than once in the lake by an earlier check, so that a report tells new ones apart. */
    private final Set<String> doubledBefore = new HashSet<>();

    public Invariants(PlatformAccess platform, Instant since) {
        this.platform = platform;
        this.since = since;
        this.db = new Databases(platform);
        this.topics = new Topics(platform.kafkaBootstrap());
        this.lake = new Lake(platform);
    }

    /**
     * Every invariant; the load's answers are counted from {@code fromMillis} until the checks are done,
     * a 503 with Retry-After tolerated only inside one of {@code unavailable}.
     */
    public List<Invariant> checkAll(long fromMillis, List<Outcomes.Unavailable> unavailable) {
        List<Invariant> all = new ArrayList<>();
        all.add(bookingsSettle(Outcomes.accepted(), SETTLE));
        all.add(noOverlappingAppointments());
        all.add(noOversoldStock());
        all.add(lakeHoldsEachEventOnce(LAKE_CATCH_UP));
        all.add(noValidEventInTheDeadLetters());
        all.add(onPremAgreesWithTheBookings());
        all.add(5, noServerErrorButRetryableUnavailable(fromMillis, System.currentTimeMillis(), unavailable));
        return all;
    }

    /**
     * Invariant 1: waits up to {@code bound} for every booking taken since the drill began and before
     * this check (the load goes on meanwhile) to end.
     */
    public Invariant bookingsSettle(Collection<Outcomes.Accepted> accepted, Duration bound) {
        String name = "accepted bookings end CONFIRMED/CANCELLED/FAILED with a reason within " + bound.toSeconds() + " s";
        Instant cutoff = Instant.now();
        long t0 = System.nanoTime();
        List<Databases.Booking> rows = List.of();
        List<String> missing = List.of();
        List<Databases.Booking> open = List.of();
        String lastError = null;
        while (true) {
            try {
                rows = db.bookings(since, cutoff);
                Set<String> known = rows.stream().map(Databases.Booking::reference).collect(Collectors.toSet());
                missing = accepted.stream().map(Outcomes.Accepted::reference).filter(r -> !known.contains(r)).sorted().toList();
                open = rows.stream().filter(b -> !ENDED.contains(b.status())).toList();
                lastError = null;
                if (missing.isEmpty() && open.isEmpty()) {
                    break;
                }
            } catch (SQLException e) {
                lastError = e.getMessage();
            }
            if (System.nanoTime() - t0 > bound.toNanos()) {
                break;
            }
            sleep(2000);
        }
        double waited = (System.nanoTime() - t0) / 1e9;
        List<Databases.Booking> failedWithoutReason = rows.stream()
                .filter(b -> b.status().equals("FAILED") && (b.failureReason() == null || b.failureReason().isBlank())).toList();
        Map<String, Long> byStatus = rows.stream().collect(Collectors.groupingBy(Databases.Booking::status, TreeMap::new, Collectors.counting()));
        Map<String, Long> reasons = rows.stream().filter(b -> b.status().equals("FAILED") && b.failureReason() != null)
                .collect(Collectors.groupingBy(Databases.Booking::failureReason, TreeMap::new, Collectors.counting()));
        String detail = String.format("%d bookings taken so far (%d accepted answers to the load): %s%s; ",
                rows.size(), accepted.size(), byStatus, reasons.isEmpty() ? "" : ", failure reasons " + reasons);
        if (lastError != null) {
            return Invariant.broken(name, detail + "the booking database did not answer: " + lastError);
        }
        if (missing.isEmpty() && open.isEmpty() && failedWithoutReason.isEmpty()) {
            return Invariant.holds(name, detail + String.format("all ended %.0f s after recovery", waited));
        }
        return Invariant.broken(name, detail + String.format("after %.0f s: %d still open %s, %d answered to the load but not in"
                        + " the database %s, %d failed without a reason %s", waited, open.size(), sample(open, b -> b.reference()
                        + " " + b.status() + "/" + b.sagaStep()), missing.size(), sample(missing, r -> r), failedWithoutReason.size(),
                sample(failedWithoutReason, Databases.Booking::reference)));
    }

    /** Invariant 2. */
    public Invariant noOverlappingAppointments() {
        String name = "0 overlapping appointments";
        try {
            long overlaps = db.count("planning", "select count(*) from appointment a join appointment b"
                    + " on a.technician_id = b.technician_id and a.appointment_id < b.appointment_id and a.during && b.during"
                    + " where a.status in ('HELD', 'CONFIRMED') and b.status in ('HELD', 'CONFIRMED')");
            long live = db.count("planning", "select count(*) from appointment where status in ('HELD', 'CONFIRMED')");
            return new Invariant(name, overlaps == 0, overlaps + " overlapping pairs among " + live + " live appointments");
        } catch (SQLException e) {
            return Invariant.broken(name, "planning's database did not answer: " + e.getMessage());
        }
    }

    /** Invariant 3. */
    public Invariant noOversoldStock() {
        String name = "0 oversold stock";
        try {
            long over = db.count("supplychain", "select count(*) from stock"
                    + " where held < 0 or allocated < 0 or held + allocated > on_hand");
            long disagree = db.count("supplychain", "with h as (select part_number, source_location_id as location_id,"
                    + " coalesce(sum(quantity) filter (where status = 'HELD'), 0) as held,"
                    + " coalesce(sum(quantity) filter (where status = 'CONFIRMED'), 0) as allocated"
                    + " from part_holds where source_type <> 'SUPPLIER' group by 1, 2)"
                    + " select count(*) from stock s full join h on s.part_number = h.part_number and s.location_id = h.location_id"
                    + " where coalesce(s.held, 0) <> coalesce(h.held, 0) or coalesce(s.allocated, 0) <> coalesce(h.allocated, 0)");
            long holds = db.count("supplychain", "select count(*) from part_holds where status in ('HELD', 'CONFIRMED')");
            return new Invariant(name, over == 0 && disagree == 0, over + " stock rows over their on-hand; " + disagree
                    + " rows whose held/allocated disagree with the " + holds + " live holds");
        } catch (SQLException e) {
            return Invariant.broken(name, "supply-chain's database did not answer: " + e.getMessage());
        }
    }

    /**
     * Invariant 4: waits up to {@code bound} for the events published before this check (the load goes
     * on meanwhile) to leave the outboxes and reach the lake, then counts each id in the lake.
     */
    public Invariant lakeHoldsEachEventOnce(Duration bound) {
        String name = "every committed domain event in the lake exactly once (by CloudEvent id)";
        Instant cutoff = Instant.now();
        long t0 = System.nanoTime();
        Map<String, Integer> onTopics = Map.of();
        Map<String, Integer> inLake = Map.of();
        List<String> missing = List.of();
        long backlog = -1;
        String lastError = null;
        while (true) {
            try {
                backlog = outboxBacklog(cutoff);
                onTopics = new HashMap<>();
                for (Topics.Message m : topics.since(since, DOMAIN_TOPICS)) {
                    if (m.header("ce_id") != null && m.timestamp() < cutoff.toEpochMilli()) {
                        onTopics.merge(m.header("ce_id"), 1, Integer::sum);
                    }
                }
                inLake = lake.idCounts();
                Map<String, Integer> lakeNow = inLake;
                missing = onTopics.keySet().stream().filter(id -> !lakeNow.containsKey(id)).sorted().toList();
                lastError = null;
                if (missing.isEmpty() && backlog == 0) {
                    break;
                }
            } catch (SQLException | RuntimeException e) {
                lastError = e.getMessage();
            }
            if (System.nanoTime() - t0 > bound.toNanos()) {
                break;
            }
            sleep(5000);
        }
        double waited = (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> lakeCounts = inLake;
        List<String> doubled = onTopics.keySet().stream().filter(id -> lakeCounts.getOrDefault(id, 0) > 1).sorted().toList();
        long sentTwice = onTopics.values().stream().filter(n -> n > 1).count();
        long newlyDoubled = doubled.stream().filter(id -> !doubledBefore.contains(id)).count();
        doubledBefore.addAll(doubled);
        String detail = String.format("%d events on the domain topics from the drill's start to this check (%d of them sent to Kafka more than once);"
                        + " in the lake after %.0f s: %d missing %s, %d more than once (%d new since the previous check) %s;"
                        + " publications older than the check still in an outbox: %d",
                onTopics.size(), sentTwice, waited, missing.size(), sample(missing, id -> id), doubled.size(), newlyDoubled,
                sample(doubled, id -> id + " x" + lakeCounts.get(id)), backlog);
        if (lastError != null) {
            return Invariant.broken(name, detail + "; last error: " + lastError);
        }
        return new Invariant(name, missing.isEmpty() && doubled.isEmpty() && backlog == 0, detail);
    }

    /** Invariant 5. */
    public Invariant noValidEventInTheDeadLetters() {
        String name = "0 valid events in datahub.dlq";
        try {
            List<Topics.Message> letters = topics.since(since, List.of("datahub.dlq"));
            Map<String, Long> invalid = new TreeMap<>();
            List<String> valid = new ArrayList<>();
            for (Topics.Message m : letters) {
                String why = deadLetters.whyInvalid(m);
                if (why == null) {
                    valid.add(m.header("ce_type") + " " + m.header("ce_id") + " (" + m.header("glasslink-dlq-reason") + ")");
                } else {
                    invalid.merge(why, 1L, Long::sum);
                }
            }
            return new Invariant(name, valid.isEmpty(), letters.size() + " dead letters since the drill began, " + valid.size()
                    + " of them valid " + sample(valid, v -> v) + (invalid.isEmpty() ? "" : "; invalid ones by rule " + invalid));
        } catch (RuntimeException e) {
            return Invariant.broken(name, "the topic could not be read: " + e.getMessage());
        }
    }

    /**
     * Invariant 6, over the load's answers between two instants: no 5xx at all, except a 503 with
     * {@code Retry-After} to a request sent while a part of the platform was down on purpose (one of
     * {@code unavailable}); a 500, 502 or 504, a 503 without Retry-After, or a 503 outside those spans breaks it.
     */
    public static Invariant noServerErrorButRetryableUnavailable(long fromMillis, long toMillis, List<Outcomes.Unavailable> unavailable) {
        String name = "no 5xx other than 503 with Retry-After while a part is down";
        List<Outcomes.Request> answers = Outcomes.requests(fromMillis, toMillis);
        Map<String, Long> wrong = new TreeMap<>();
        long tolerated = 0;
        for (Outcomes.Request r : answers) {
            if (r.status() < 500) {
                continue;
            }
            if (r.isRetryableUnavailable() && unavailable.stream().anyMatch(u -> u.covers(r))) {
                tolerated++;
            } else {
                String kind = r.isRetryableUnavailable() ? "503 + Retry-After with every part up" : r.kind();
                wrong.merge(kind + " on " + r.name(), 1L, Long::sum);
            }
        }
        return new Invariant(name, wrong.isEmpty(), answers.size() + " answers, " + tolerated + " 503 with Retry-After while a part was down"
                + (wrong.isEmpty() ? "" : "; other 5xx: " + wrong));
    }

    /**
     * Beyond the list: the on-prem side of each booking older than 30 s matches its status. A booking
     * found out of step is looked at again 5 s later (a cancel may be half-way), and counts only if it
     * still is.
     */
    public Invariant onPremAgreesWithTheBookings() {
        String name = "on-prem agrees with the bookings (extra)";
        try {
            Map<String, List<String>> wrong = disagreements(Instant.now().minusSeconds(30));
            if (!wrong.isEmpty()) {
                sleep(5000);
                Set<String> before = wrong.values().stream().flatMap(List::stream).collect(Collectors.toSet());
                wrong = disagreements(Instant.now().minusSeconds(35));
                wrong.values().forEach(refs -> refs.retainAll(before));
                wrong.values().removeIf(List::isEmpty);
            }
            long checked = db.bookings(since, Instant.now().minusSeconds(35)).size();
            return new Invariant(name, wrong.isEmpty(), wrong.isEmpty() ? checked + " bookings checked"
                    : wrong.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey() + " " + sample(e.getValue(), r -> r))
                    .collect(Collectors.joining("; ")));
        } catch (SQLException e) {
            return Invariant.broken(name, "a database did not answer: " + e.getMessage());
        }
    }

    private Map<String, List<String>> disagreements(Instant until) throws SQLException {
        Map<String, String> status = new HashMap<>();
        for (Databases.Booking b : db.bookings(since, until)) {
            status.put(b.reference(), b.status());
        }
        Set<String> confirmedAppointments = new HashSet<>(db.column("planning",
                "select booking_reference from appointment where status = 'CONFIRMED'"));
        Set<String> confirmedParts = new HashSet<>(db.column("supplychain",
                "select booking_reference from part_holds where status = 'CONFIRMED'"));
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        status.forEach((ref, s) -> {
            if (s.equals("CONFIRMED") && !confirmedAppointments.contains(ref)) {
                wrong.computeIfAbsent("confirmed without a confirmed appointment", k -> new ArrayList<>()).add(ref);
            }
            if ((s.equals("FAILED") || s.equals("CANCELLED")) && confirmedAppointments.contains(ref)) {
                wrong.computeIfAbsent(s.toLowerCase() + " with a confirmed appointment", k -> new ArrayList<>()).add(ref);
            }
            if ((s.equals("FAILED") || s.equals("CANCELLED")) && confirmedParts.contains(ref)) {
                wrong.computeIfAbsent(s.toLowerCase() + " with a part still allocated", k -> new ArrayList<>()).add(ref);
            }
        });
        return wrong;
    }

    private long outboxBacklog(Instant cutoff) throws SQLException {
        long total = 0;
        for (String database : List.of("booking", "supplychain", "planning")) {
            total += db.count(database, "select count(*) from event_publication where completion_date is null and publication_date < ?", cutoff);
        }
        return total;
    }

    private static <T> String sample(List<T> items, Function<T, String> show) {
        if (items.isEmpty()) {
            return "";
        }
        return items.stream().limit(5).map(show).collect(Collectors.joining(", ", "(", items.size() > 5 ? ", ...)" : ")"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    @Override
    public void close() {
        lake.close();
    }
}
