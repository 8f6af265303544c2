package io.glasslink.booking.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import io.glasslink.booking.centres.Centre;
import io.glasslink.booking.centres.Centres;
import io.glasslink.booking.centres.Centres.Nearby;
import io.glasslink.booking.config.BookingProperties;
import io.glasslink.booking.onprem.OnPremUnavailableException;
import io.glasslink.booking.onprem.Planning;
import io.glasslink.booking.onprem.Planning.CentreSlots;
import io.glasslink.booking.diagnosis.Mode;
import io.glasslink.booking.onprem.SupplyChain;
import io.glasslink.booking.onprem.SupplyChain.LeadTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Availability search. Asks supply chain (lead times) and planning (free slots) at the same time
 * — one link round trip — and keeps only slots that start once the part is there. When the link
 * is down, answers from the read model, marked provisional.
 */
@Service
public class AvailabilityService {

    /** Business time zone. */
    public static final ZoneId ZONE = NetworkCalendar.ZONE;
    private static final Logger log = LoggerFactory.getLogger(AvailabilityService.class);
    private static final int MAX_OPTIONS = 40;
    /** The shortest notice of a new booking: a slot starting sooner is not offered. */
    public static final int MIN_NOTICE_MINUTES = 120;
    /** Where the part is not in the centre's stock as far as the cloud knows, a depot transfer is assumed. */
    private static final Duration TRANSFER = Duration.ofDays(2);

    private final SupplyChain supplyChain;
    private final Planning planning;
    private final Centres centres;
    private final ReadModel readModel;
    private final ExecutorService executor;
    private final BookingProperties props;
    private final Clock clock;
    private final Counter provisionalAnswers;

    public AvailabilityService(SupplyChain supplyChain, Planning planning, Centres centres, ReadModel readModel,
                               @Qualifier("onPremExecutor") ExecutorService executor, BookingProperties props,
                               Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.provisionalAnswers = Counter.builder("glasslink.availability.provisional")
                .description("Availability searches answered from the cloud read model (provisional) because the "
                        + "back office could not be reached")
                .register(meters);
        this.supplyChain = supplyChain;
        this.planning = planning;
        this.centres = centres;
        this.readModel = readModel;
        this.executor = executor;
        this.props = props;
    }

    /**
     * Searches bookable slots, earliest first. Planning answers only the first {@code MAX_OPTIONS}
     * slots of each centre (the answer shows no more); when a centre's part arrives after some of
     * them and its later slots could still rank, that centre is asked again from the part's arrival
     * — a second round trip that only a late part at a busy centre needs.
     */
    public Availability search(AvailabilityQuery query) {
        Map<String, Double> candidates = candidates(query);
        List<String> ids = List.copyOf(candidates.keySet());
        LocalDate window = query.from().plusDays(props.searchDays());
        LocalDate to = window.isAfter(horizon()) ? horizon() : window;
        Planning.SlotSearch slotSearch = new Planning.SlotSearch(query.jobType(), query.calibration(), ids,
                query.mode() == Mode.HOME ? query.postcode().value() : null, query.from(), to, MIN_NOTICE_MINUTES,
                null, MAX_OPTIONS);
        // the lead times on another thread, the slots on this one: both calls are on the link at once
        CompletableFuture<List<LeadTime>> leads = query.partNumber() == null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> supplyChain.leadTimes(query.partNumber(), ids), executor);
        try {
            List<CentreSlots> found = planning.search(slotSearch);
            Map<String, OffsetDateTime> partThere = partThere(leads.join());
            List<SlotOption> options = merge(candidates, partThere, found);
            List<CentreSlots> cutShort = cutShort(found, partThere, options);
            if (!cutShort.isEmpty()) {
                options = merge(candidates, partThere, askAgain(slotSearch, found, cutShort, partThere));
            }
            return new Availability(false, options);
        } catch (OnPremUnavailableException down) {
            return provisional(query, candidates, to, down);
        } catch (CompletionException e) {
            if (e.getCause() instanceof OnPremUnavailableException down) {
                return provisional(query, candidates, to, down);
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The last day a slot can be offered: {@code horizon-days} after today in Paris. */
    public LocalDate horizon() {
        return NetworkCalendar.today(clock.instant()).plusDays(props.horizonDays());
    }

    private Availability provisional(AvailabilityQuery query, Map<String, Double> candidates, LocalDate to,
                                     OnPremUnavailableException down) {
        log.info("on-prem unavailable, answering from the read model: {}", down.getMessage());
        provisionalAnswers.increment();
        return new Availability(true, provisional(query, candidates, to));
    }

    /** When the part can be at each centre that can have it; null when no part is needed. */
    private static Map<String, OffsetDateTime> partThere(List<LeadTime> leads) {
        if (leads == null) {
            return null;
        }
        Map<String, OffsetDateTime> there = new HashMap<>();
        for (LeadTime lead : leads) {
            if (lead.available() && lead.earliestAvailableAt() != null) {
                there.putIfAbsent(lead.centreId(), lead.earliestAvailableAt());
            }
        }
        return there;
    }

    /**
     * The centres whose answer may hide slots that belong in the list: planning stopped at the
     * limit, the part's arrival removed some of those slots, and the list is not full of earlier
     * ones (a slot planning did not send starts after the last one it sent).
     */
    private static List<CentreSlots> cutShort(List<CentreSlots> found, Map<String, OffsetDateTime> partThere,
                                              List<SlotOption> options) {
        if (partThere == null) {
            return List.of();
        }
        OffsetDateTime lastShown = options.size() < MAX_OPTIONS ? null : options.get(options.size() - 1).start();
        List<CentreSlots> again = new ArrayList<>();
        for (CentreSlots cs : found) {
            OffsetDateTime there = partThere.get(cs.centreId());
            if (there == null || cs.slots() == null || cs.slots().size() < MAX_OPTIONS
                    || !cs.slots().get(0).start().isBefore(there)) {
                continue;
            }
            OffsetDateTime lastSent = cs.slots().get(cs.slots().size() - 1).start();
            if (lastShown == null || !lastShown.isBefore(lastSent)) {
                again.add(cs);
            }
        }
        return again;
    }

    /** The first answer with the slots of the {@code cutShort} centres asked again from their part's arrival. */
    private List<CentreSlots> askAgain(Planning.SlotSearch search, List<CentreSlots> found, List<CentreSlots> cutShort,
                                       Map<String, OffsetDateTime> partThere) {
        Map<String, CompletableFuture<List<CentreSlots>>> asked = new HashMap<>();
        for (CentreSlots cs : cutShort) {
            Planning.SlotSearch again = search.postcode() != null
                    ? search.notBefore(partThere.get(cs.centreId()))
                    : new Planning.SlotSearch(search.jobType(), search.calibration(), List.of(cs.centreId()), null,
                            search.from(), search.to(), search.minNoticeMinutes(), partThere.get(cs.centreId()), search.limit());
            asked.put(cs.centreId(), CompletableFuture.supplyAsync(() -> planning.search(again), executor));
        }
        List<CentreSlots> result = new ArrayList<>(found.size());
        for (CentreSlots cs : found) {
            CompletableFuture<List<CentreSlots>> answer = asked.get(cs.centreId());
            result.add(answer == null ? cs : answer.join().stream()
                    .filter(a -> a.centreId().equals(cs.centreId())).findFirst().orElse(cs));
        }
        return result;
    }

    private Map<String, Double> candidates(AvailabilityQuery query) {
        if (query.mode() == Mode.HOME) {
            return centres.vanCentresFor(query.postcode()).stream()
                    .filter(c -> query.onlyCentreId() == null || c.id().equals(query.onlyCentreId()))
                    .collect(Collectors.toMap(Centre::id, c -> 0.0, (a, b) -> a, java.util.LinkedHashMap::new));
        }
        List<Nearby> near = query.onlyCentreId() != null
                ? centres.near(query.postcode(), Integer.MAX_VALUE).stream()
                        .filter(n -> n.centre().id().equals(query.onlyCentreId())).toList()
                : centres.near(query.postcode(), props.nearbyCentres());
        return near.stream().collect(Collectors.toMap(n -> n.centre().id(), Nearby::distanceKm,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private List<SlotOption> merge(Map<String, Double> candidates, Map<String, OffsetDateTime> partThere,
                                   List<CentreSlots> slots) {
        List<SlotOption> options = new ArrayList<>();
        for (CentreSlots cs : slots) {
            Centre centre = centres.byId(cs.centreId()).orElse(null);
            if (centre == null || cs.slots() == null) {
                continue;
            }
            OffsetDateTime notBefore = null;
            if (partThere != null) {
                notBefore = partThere.get(cs.centreId());
                if (notBefore == null) {
                    continue;
                }
            }
            for (Planning.Slot slot : cs.slots()) {
                if (notBefore == null || !slot.start().isBefore(notBefore)) {
                    options.add(option(centre, candidates.getOrDefault(cs.centreId(), 0.0),
                            cs.mode() == null ? Mode.CENTRE : cs.mode(), slot.start(), slot.end()));
                }
            }
        }
        return ranked(options);
    }

    /**
     * The network's calendar ({@link NetworkCalendar}) on the slot grid, minus the slots the read model knows
     * are taken, from the minimum notice on (two days later where the part is not in the centre's stock).
     */
    private List<SlotOption> provisional(AvailabilityQuery query, Map<String, Double> candidates, LocalDate to) {
        Duration duration = query.jobType().duration(query.calibration());
        Duration step = Duration.ofMinutes(props.slotStepMinutes());
        Instant now = clock.instant();
        List<SlotOption> options = new ArrayList<>();
        for (Map.Entry<String, Double> entry : candidates.entrySet()) {
            Centre centre = centres.byId(entry.getKey()).orElseThrow();
            Instant notBefore = now.plus(Duration.ofMinutes(MIN_NOTICE_MINUTES));
            if (query.partNumber() != null && readModel.available(query.partNumber(), centre.id()) <= 0) {
                notBefore = notBefore.plus(TRANSFER);
            }
            OffsetDateTime from = query.from().atStartOfDay(ZONE).toOffsetDateTime();
            Set<Instant> taken = readModel.takenStarts(centre.id(), from, to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
            for (LocalDate day = query.from(); !day.isAfter(to); day = day.plusDays(1)) {
                NetworkCalendar.Hours hours = NetworkCalendar.hours(day).orElse(null);
                if (hours == null) {
                    continue;
                }
                for (LocalTime t = hours.opens(); !t.plus(duration).isAfter(hours.closes()) && !t.isBefore(hours.opens());
                     t = t.plus(step)) {
                    ZonedDateTime start = day.atTime(t).atZone(ZONE);
                    if (start.toInstant().isBefore(notBefore) || taken.contains(start.toInstant())) {
                        continue;
                    }
                    options.add(option(centre, entry.getValue(), query.mode(), start.toOffsetDateTime(),
                            start.plus(duration).toOffsetDateTime()));
                }
            }
        }
        return ranked(options);
    }

    private static SlotOption option(Centre c, double distance, Mode mode, OffsetDateTime start, OffsetDateTime end) {
        return new SlotOption(c.id(), c.name(), c.city(), distance, mode,
                start.atZoneSameInstant(ZONE).toOffsetDateTime(), end.atZoneSameInstant(ZONE).toOffsetDateTime());
    }

    private static List<SlotOption> ranked(List<SlotOption> options) {
        return options.stream()
                .sorted(Comparator.comparing(SlotOption::start).thenComparingDouble(SlotOption::distanceKm))
                .limit(MAX_OPTIONS)
                .toList();
    }
}
