package io.glasslink.planning.slots;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.glasslink.planning.PlanningProperties;
import io.glasslink.planning.network.Centre;
import io.glasslink.planning.network.Network;
import io.glasslink.planning.network.Postcode;
import io.glasslink.planning.workforce.Absence;
import io.glasslink.planning.workforce.Skill;
import io.glasslink.planning.workforce.Technician;
import io.glasslink.planning.workforce.WorkPattern;
import io.glasslink.planning.workforce.Workforce;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Slot search on in-memory data: working hours are Paris local times on both sides of a DST change. */
class SlotSearchAcrossDstTest {

    private static final PlanningProperties PROPERTIES = new PlanningProperties(
            new PlanningProperties.Holds(Duration.ofMinutes(10), Duration.ofSeconds(5), 500),
            new PlanningProperties.Notice(Duration.ofHours(24), Duration.ofHours(24), true),
            new PlanningProperties.Search(Duration.ofHours(2), 31, 20, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofDays(365)),
            new PlanningProperties.Seed(1, 0, 8, 0));

    private static SlotSearch searchAt(String now) {
        Map<DayOfWeek, Centre.OpeningHours> opening = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            opening.put(d, new Centre.OpeningHours(LocalTime.of(7, 0), LocalTime.of(19, 0)));
        }
        Centre centre = new Centre("C001", "Test", "01000", "Bourg", "01", 0, opening);
        List<WorkPattern> patterns = java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> new WorkPattern(d, LocalTime.of(8, 0), LocalTime.of(9, 0), LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1)))
                .toList();
        Technician t = new Technician("T1", "One", "C001", false, Set.of(Skill.values()), patterns);
        Network network = new Network() {
            public Optional<Centre> centre(String id) {
                return Optional.of(centre).filter(c -> c.centreId().equals(id));
            }

            public List<Centre> vanCentresServing(Postcode p) {
                return List.of();
            }
        };
        Workforce workforce = new Workforce() {
            public Optional<Technician> technician(String id) {
                return Optional.of(t);
            }

            public List<Technician> ofCentre(String id) {
                return List.of(t);
            }

            public void record(Absence a, Instant recordedAt) {
            }
        };
        BusyTimes none = (ids, bookings, absences, at, excluding) -> new BusyTimes.Busy(Map.of(), Map.of(), false);
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        return new SlotSearch(new Candidates(network, workforce), new TechnicianFreeTime(none, PROPERTIES), PROPERTIES, clock);
    }

    private static List<String> starts(SlotSearch search, String from, String to) {
        SlotSearchResult r = search.search(new SlotQuery(JobType.CHIP_REPAIR, false, List.of("C001"), null,
                LocalDate.parse(from), LocalDate.parse(to), null, 0));
        return r.results().get(0).slots().stream().filter(s -> s.start().getMinute() == 0).map(s -> s.start().toString()).toList();
    }

    @Test
    void springForwardKeepsEightOClockLocalOnBothSidesOfTheLastSundayOfMarch() {
        // 2027-03-28 is the last Sunday of March (and Easter: Monday 29 is a holiday)
        assertThat(starts(searchAt("2027-03-20T00:00:00Z"), "2027-03-27", "2027-03-30")).containsExactly(
                "2027-03-27T08:00+01:00", "2027-03-28T08:00+02:00", "2027-03-30T08:00+02:00");
    }

    @Test
    void fallBackKeepsEightOClockLocalOnBothSidesOfTheLastSundayOfOctober() {
        // 2027-10-31 is the last Sunday of October; Monday 1 November is a holiday
        assertThat(starts(searchAt("2027-10-20T00:00:00Z"), "2027-10-30", "2027-11-02")).containsExactly(
                "2027-10-30T08:00+02:00", "2027-10-31T08:00+01:00", "2027-11-02T08:00+01:00");
    }

    @Test
    void noSlotOnAFrenchPublicHoliday() {
        // Ascension Day 2027 (Easter + 39 days)
        assertThat(starts(searchAt("2027-03-20T00:00:00Z"), "2027-05-06", "2027-05-06")).isEmpty();
        assertThat(starts(searchAt("2027-03-20T00:00:00Z"), "2027-05-07", "2027-05-07")).hasSize(1);
    }

    @Test
    void theMinimumNoticeHidesStartsTooSoon() {
        SlotSearchResult r = searchAt("2027-03-22T06:30:00Z").search(new SlotQuery(JobType.CHIP_REPAIR, false, List.of("C001"),
                null, LocalDate.parse("2027-03-22"), LocalDate.parse("2027-03-23"), null, null));
        assertThat(r.results().get(0).slots()).allSatisfy(s -> assertThat(s.start().toInstant())
                .isAfterOrEqualTo(Instant.parse("2027-03-22T08:30:00Z")));
        assertThat(r.jobDurationMinutes()).isEqualTo(30);
        assertThat(r.zone()).isEqualTo("Europe/Paris");
    }
}
