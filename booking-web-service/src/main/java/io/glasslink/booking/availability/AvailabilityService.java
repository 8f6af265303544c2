package io.glasslink.booking.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.glasslink.booking.centres.Centre;
import io.glasslink.booking.centres.Centres;
import io.glasslink.booking.centres.Centres.Nearby;
import io.glasslink.booking.config.BookingProperties;
import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.onprem.OnPremUnavailableException;
import io.glasslink.booking.onprem.Planning;
import io.glasslink.booking.onprem.Planning.CentreSlots;
import io.glasslink.booking.onprem.Planning.Mode;
import io.glasslink.booking.onprem.SupplyChain;
import io.glasslink.booking.onprem.SupplyChain.LeadTime;
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
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final Logger log = LoggerFactory.getLogger(AvailabilityService.class);
    private static final int MAX_OPTIONS = 40;
    private static final int MIN_NOTICE_MINUTES = 120;

    private final SupplyChain supplyChain;
    private final Planning planning;
    private final Centres centres;
    private final ReadModel readModel;
    private final ExecutorService executor;
    private final BookingProperties props;

    public AvailabilityService(SupplyChain supplyChain, Planning planning, Centres centres, ReadModel readModel,
                               @Qualifier("onPremExecutor") ExecutorService executor, BookingProperties props) {
        this.supplyChain = supplyChain;
        this.planning = planning;
        this.centres = centres;
        this.readModel = readModel;
        this.executor = executor;
        this.props = props;
    }

    /** Searches bookable slots, earliest first. */
    public Availability search(AvailabilityQuery query) {
        Map<String, Double> candidates = candidates(query);
        List<String> ids = List.copyOf(candidates.keySet());
        LocalDate to = query.from().plusDays(props.searchDays());
        CompletableFuture<List<LeadTime>> leads = query.partNumber() == null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> supplyChain.leadTimes(query.partNumber(), ids), executor);
        CompletableFuture<List<CentreSlots>> slots = CompletableFuture.supplyAsync(() -> planning.search(
                new Planning.SlotSearch(query.jobType(), query.calibration(), ids,
                        query.mode() == Mode.HOME ? query.postcode().value() : null,
                        query.from(), to, MIN_NOTICE_MINUTES)), executor);
        try {
            return new Availability(false, merge(candidates, leads.join(), slots.join()));
        } catch (CompletionException e) {
            if (e.getCause() instanceof OnPremUnavailableException down) {
                log.info("on-prem unavailable, answering from the read model: {}", down.getMessage());
                return new Availability(true, provisional(query, candidates, to));
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
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

    private List<SlotOption> merge(Map<String, Double> candidates, List<LeadTime> leads, List<CentreSlots> slots) {
        Map<String, LeadTime> leadByCentre = leads == null ? null
                : leads.stream().collect(Collectors.toMap(LeadTime::centreId, Function.identity(), (a, b) -> a));
        List<SlotOption> options = new ArrayList<>();
        for (CentreSlots cs : slots) {
            Centre centre = centres.byId(cs.centreId()).orElse(null);
            if (centre == null || cs.slots() == null) {
                continue;
            }
            OffsetDateTime notBefore = null;
            if (leadByCentre != null) {
                LeadTime lead = leadByCentre.get(cs.centreId());
                if (lead == null || !lead.available() || lead.earliestAvailableAt() == null) {
                    continue;
                }
                notBefore = lead.earliestAvailableAt();
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

    private List<SlotOption> provisional(AvailabilityQuery query, Map<String, Double> candidates, LocalDate to) {
        int minutes = durationMinutes(query.jobType(), query.calibration());
        List<SlotOption> options = new ArrayList<>();
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        for (Map.Entry<String, Double> entry : candidates.entrySet()) {
            Centre centre = centres.byId(entry.getKey()).orElseThrow();
            ZonedDateTime notBefore = now.plusMinutes(MIN_NOTICE_MINUTES);
            if (query.partNumber() != null && readModel.available(query.partNumber(), centre.id()) <= 0) {
                // not in local stock as far as the cloud knows: assume a depot transfer
                notBefore = notBefore.plusDays(2);
            }
            OffsetDateTime from = query.from().atStartOfDay(ZONE).toOffsetDateTime();
            Set<java.time.Instant> taken = readModel.takenStarts(centre.id(), from, to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
            for (LocalDate day = query.from(); !day.isAfter(to); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (LocalTime t = LocalTime.of(8, 30); !t.plusMinutes(minutes).isAfter(LocalTime.of(17, 30));
                     t = t.plusMinutes(minutes)) {
                    ZonedDateTime start = day.atTime(t).atZone(ZONE);
                    if (start.isBefore(notBefore) || taken.contains(start.toInstant())) {
                        continue;
                    }
                    options.add(option(centre, entry.getValue(), query.mode(), start.toOffsetDateTime(),
                            start.plusMinutes(minutes).toOffsetDateTime()));
                }
            }
        }
        return ranked(options);
    }

    /** Typical job lengths used for provisional slots (planning decides the real ones). */
    static int durationMinutes(JobType jobType, boolean calibration) {
        int base = jobType == JobType.CHIP_REPAIR ? 60 : 90;
        return calibration ? base + 60 : base;
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
