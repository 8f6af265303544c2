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
import io.glasslink.planning.workforce.Absence;
import io.glasslink.planning.workforce.Technician;
import io.glasslink.planning.workforce.Workforce;
import org.springframework.stereotype.Component;

/**
 * Free time of technicians over a window, in two queries (absences, bookings) and memory: the
 * working pattern minus absences minus bookings. Home jobs keep a travel buffer around each booking.
 */
@Component
public class Availability {

    private final Workforce workforce;
    private final BookedTimes bookedTimes;
    private final PlanningProperties properties;

    Availability(Workforce workforce, BookedTimes bookedTimes, PlanningProperties properties) {
        this.workforce = workforce;
        this.bookedTimes = bookedTimes;
        this.properties = properties;
    }

    /**
     * Free ranges inside [from, to) of each technician, by technician id. {@code openingOf} gives
     * the centre whose opening hours bound the work (null for home jobs); the
     * appointment {@code excluding} does not count as busy (null for none).
     */
    public Map<String, List<Interval>> free(Collection<Technician> technicians, Mode mode,
                                            Function<Technician, Centre> openingOf, Instant from, Instant to,
                                            UUID excluding) {
        Map<String, List<Interval>> result = new HashMap<>();
        if (technicians.isEmpty()) {
            return result;
        }
        List<String> ids = technicians.stream().map(Technician::technicianId).toList();
        Duration buffer = mode == Mode.HOME ? properties.search().travelBuffer() : Duration.ZERO;
        Map<String, List<Absence>> absences = workforce.absences(ids, from, to);
        Map<String, List<Interval>> booked = bookedTimes.booked(ids, from.minus(buffer), to.plus(buffer), excluding);
        LocalDate first = from.atZone(PlanningTime.ZONE).toLocalDate();
        LocalDate last = to.atZone(PlanningTime.ZONE).toLocalDate();
        Interval window = new Interval(from, to);
        for (Technician t : technicians) {
            Centre centre = openingOf.apply(t);
            List<Interval> work = FreeTime.workingTime(t.patterns(), centre == null ? null : centre.opening(),
                    first, last, PlanningTime.ZONE);
            List<Interval> busy = new ArrayList<>();
            for (Absence a : absences.getOrDefault(t.technicianId(), List.of())) {
                busy.add(new Interval(a.from(), a.to()));
            }
            for (Interval b : booked.getOrDefault(t.technicianId(), List.of())) {
                busy.add(b.widen(buffer));
            }
            List<Interval> free = FreeTime.clip(FreeTime.subtract(work, busy), window);
            if (!free.isEmpty()) {
                result.put(t.technicianId(), free);
            }
        }
        return result;
    }
}
