package io.glasslink.booking.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.availability.SlotOption;
import io.glasslink.booking.diagnosis.Mode;

/**
 * The slot step's options as a person scans them: by day (in Paris), then by centre (nearest first, as the search
 * ranks them), each centre's starts in order.
 */
record SlotGroups(List<Day> days) {

    /** One day and the centres with slots on it. */
    record Day(LocalDate date, List<Centre> centres) {
    }

    /** One centre (or the home visit) on one day, with its slots. */
    record Centre(String centreId, String name, String city, double distanceKm, Mode mode, List<SlotOption> slots) {
    }

    static SlotGroups of(List<SlotOption> options) {
        Map<LocalDate, Map<String, List<SlotOption>>> byDay = new LinkedHashMap<>();
        options.stream()
                .sorted(java.util.Comparator.comparing((SlotOption o) -> o.start().toInstant())
                        .thenComparingDouble(SlotOption::distanceKm))
                .forEach(o -> byDay.computeIfAbsent(o.start().atZoneSameInstant(NetworkCalendar.ZONE).toLocalDate(),
                                d -> new LinkedHashMap<>())
                        .computeIfAbsent(o.centreId() + '|' + o.mode(), c -> new ArrayList<>()).add(o));
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, centres) -> {
            List<Centre> groups = new ArrayList<>();
            centres.values().stream()
                    .sorted(java.util.Comparator.comparingDouble((List<SlotOption> l) -> l.get(0).distanceKm()))
                    .forEach(slots -> {
                        SlotOption first = slots.get(0);
                        groups.add(new Centre(first.centreId(), first.centreName(), first.city(), first.distanceKm(),
                                first.mode(), List.copyOf(slots)));
                    });
            days.add(new Day(date, List.copyOf(groups)));
        });
        return new SlotGroups(List.copyOf(days));
    }
}
