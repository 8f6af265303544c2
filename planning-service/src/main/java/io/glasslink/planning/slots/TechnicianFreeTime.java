package io.glasslink.planning.slots;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.glasslink.planning.PlanningProperties;
import io.glasslink.planning.PlanningTime;
import io.glasslink.planning.network.Centre;
import io.glasslink.planning.workforce.Technician;
import org.springframework.stereotype.Component;

/**
 * Free time of technicians over a window, from one query (their bookings and absences) and
 * memory (working patterns, holidays, opening hours are reference data): the working pattern
 * minus absences minus bookings. Home jobs keep a travel buffer around each booking.
 */
@Component
public class TechnicianFreeTime {

    private final BusyTimes busyTimes;
    private final PlanningProperties properties;

    TechnicianFreeTime(BusyTimes busyTimes, PlanningProperties properties) {
        this.busyTimes = busyTimes;
        this.properties = properties;
    }

    /**
     * Free ranges by technician id, and whether a lapsed hold not yet marked expired lies in the
     * window (a write there must expire it first).
     */
    public record FreeTimes(Map<String, List<Interval>> byTechnician, boolean lapsedHolds) {
    }

    /**
     * Free ranges inside [from, to) of each technician at {@code now}. {@code openingOf} gives
     * the centre whose opening hours bound the work (null for home jobs); the
     * appointment {@code excluding} does not count as busy (null for none).
     */
    public FreeTimes free(Collection<Technician> technicians, Mode mode, Function<Technician, Centre> openingOf,
                          Instant from, Instant to, Instant now, UUID excluding) {
        Map<String, List<Interval>> result = new HashMap<>();
        if (technicians.isEmpty()) {
            return new FreeTimes(result, false);
        }
        List<String> ids = technicians.stream().map(Technician::technicianId).toList();
        Duration buffer = mode == Mode.HOME ? properties.search().travelBuffer() : Duration.ZERO;
        Interval window = new Interval(from, to);
        BusyTimes.Busy busyTimes = this.busyTimes.busy(ids, window.widen(buffer), window, now, excluding);
        LocalDate first = from.atZone(PlanningTime.ZONE).toLocalDate();
        LocalDate last = to.atZone(PlanningTime.ZONE).toLocalDate();
        for (Technician t : technicians) {
            Centre centre = openingOf.apply(t);
            List<Interval> work = FreeTime.workingTime(t.patterns(), centre == null ? null : centre.opening(),
                    first, last, PlanningTime.ZONE);
            List<Interval> busy = new ArrayList<>(busyTimes.absent().getOrDefault(t.technicianId(), List.of()));
            for (Interval b : busyTimes.booked().getOrDefault(t.technicianId(), List.of())) {
                busy.add(b.widen(buffer));
            }
            List<Interval> free = FreeTime.clip(FreeTime.subtract(work, busy), window);
            if (!free.isEmpty()) {
                result.put(t.technicianId(), free);
            }
        }
        return new FreeTimes(result, busyTimes.lapsedHolds());
    }

    /**
     * Whether one of the technicians works over the whole of [start, end) by the reference data
     * alone (pattern, public holidays and, from {@code openingOf}, opening hours), bookings and
     * absences aside: whether the search could ever offer that time.
     */
    public boolean anyWorks(Collection<Technician> technicians, Function<Technician, Centre> openingOf, Instant start,
                            Instant end) {
        LocalDate first = start.atZone(PlanningTime.ZONE).toLocalDate();
        LocalDate last = end.atZone(PlanningTime.ZONE).toLocalDate();
        for (Technician t : technicians) {
            Centre centre = openingOf.apply(t);
            for (Interval work : FreeTime.workingTime(t.patterns(), centre == null ? null : centre.opening(), first, last,
                    PlanningTime.ZONE)) {
                if (work.contains(start, end)) {
                    return true;
                }
            }
        }
        return false;
    }
}
