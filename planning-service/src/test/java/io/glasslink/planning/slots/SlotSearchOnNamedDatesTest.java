package io.glasslink.planning.slots;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.glasslink.planning.PlanningProperties;
import io.glasslink.planning.network.Centre;
import io.glasslink.planning.network.Network;
import io.glasslink.planning.network.Postcode;
import io.glasslink.planning.workforce.Absence;
import io.glasslink.planning.workforce.FrenchHolidays;
import io.glasslink.planning.workforce.Skill;
import io.glasslink.planning.workforce.Technician;
import io.glasslink.planning.workforce.WorkPattern;
import io.glasslink.planning.workforce.Workforce;
import io.glasslink.testsupport.CloudEventChecks;
import io.glasslink.testsupport.NamedDates;
import io.glasslink.testsupport.NamedDates.NamedDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slot search on the named dates of the shared kit, with the search's clock pinned to each: the first start offered
 * (two hours' notice, the centre's and the technician's hours, weekends and public holidays), the offsets of the
 * answer, and the night of each DST change (no slot at a wall-clock time that does not exist or occurs twice; the
 * notice counted in elapsed time). A centre open Monday to Friday 08:00-18:30 and Saturday 09:00-13:00, one centre
 * technician working Monday to Saturday 08:00-12:00 and 13:00-17:00, one van technician working Sunday nights
 * 01:00-05:00 (to reach the hours the clocks change).
 */
class SlotSearchOnNamedDatesTest {

    private static final PlanningProperties PROPERTIES = new PlanningProperties(
            new PlanningProperties.Holds(Duration.ofMinutes(10), Duration.ofSeconds(5), 500),
            new PlanningProperties.Notice(Duration.ofHours(24), Duration.ofHours(24), true),
            new PlanningProperties.Search(Duration.ofHours(2), 31, 20, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofDays(365)),
            new PlanningProperties.Seed(1, 0, 8, 0));

    private static final Centre CENTRE = centre();
    private static final Technician IN_CENTRE = technician("T1", false, weekdaysAndSaturday());
    private static final Technician VAN = technician("T2", true, List.of(period(DayOfWeek.SUNDAY, 1, 5)));

    static Stream<Arguments> firstStarts() {
        return Stream.of(
                Arguments.of(NamedDates.SATURDAY, "2026-12-07T08:00+01:00"),
                Arguments.of(NamedDates.SATURDAY_EVENING, "2026-12-07T08:00+01:00"),
                Arguments.of(NamedDates.SUNDAY, "2026-12-07T08:00+01:00"),
                Arguments.of(NamedDates.CHRISTMAS_EVE, "2026-12-24T13:00+01:00"),
                Arguments.of(NamedDates.VICTORY_DAY_EVE, "2027-05-07T13:00+02:00"),
                Arguments.of(NamedDates.DST_SPRING_EVE, "2026-03-30T08:00+02:00"),
                Arguments.of(NamedDates.DST_SPRING, "2026-03-30T08:00+02:00"),
                Arguments.of(NamedDates.DST_AUTUMN_EVE, "2026-10-26T08:00+01:00"),
                Arguments.of(NamedDates.DST_AUTUMN, "2026-10-26T08:00+01:00"),
                Arguments.of(NamedDates.NEW_YEARS_EVE, "2027-01-02T09:00+01:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstStarts")
    void theFirstStartOfferedFollowsTheNoticeOpeningHoursWeekendsAndHolidays(NamedDate now, String expected) {
        List<SlotSearchResult.Slot> slots = centreSlots(now);
        assertThat(slots).isNotEmpty();
        assertThat(slots.get(0).start()).hasToString(expected);
        assertThat(slots.get(0).start().toInstant()).isAfterOrEqualTo(now.instant().plus(Duration.ofHours(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void noSlotOnASundayOrAPublicHolidayAndEverySlotWithinTheHoursOfItsDay(NamedDate now) {
        List<SlotSearchResult.Slot> slots = centreSlots(now);
        assertThat(slots).isNotEmpty().allSatisfy(s -> {
            LocalDate day = s.start().toLocalDate();
            assertThat(day.getDayOfWeek()).isNotEqualTo(DayOfWeek.SUNDAY);
            assertThat(FrenchHolidays.isHoliday(day)).as("%s is a public holiday", day).isFalse();
            LocalTime opens = day.getDayOfWeek() == DayOfWeek.SATURDAY ? LocalTime.of(9, 0) : LocalTime.of(8, 0);
            LocalTime closes = day.getDayOfWeek() == DayOfWeek.SATURDAY ? LocalTime.of(12, 0) : LocalTime.of(17, 0);
            assertThat(s.start().toLocalTime()).isBetween(opens, closes.minusMinutes(30));
            assertThat(s.end().toLocalTime()).isBetween(opens.plusMinutes(30), closes);
            boolean lunch = s.start().toLocalTime().isBefore(LocalTime.of(13, 0)) && s.end().toLocalTime().isAfter(LocalTime.of(12, 0));
            assertThat(lunch).as("%s overlaps the break", s.start()).isFalse();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void everyTimeOfTheAnswerCarriesTheOffsetParisHasAtThatInstant(NamedDate now) {
        List<SlotSearchResult.Slot> slots = new ArrayList<>(centreSlots(now));
        slots.addAll(homeSlots(now, now.day(), now.day().plusDays(7), 0));
        assertThat(slots).isNotEmpty().allSatisfy(s -> {
            CloudEventChecks.checkParisTime(s.start().toString(), "start");
            CloudEventChecks.checkParisTime(s.end().toString(), "end");
            assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofMinutes(30));
        });
    }

    @Test
    void theNightOfTheSpringChangeOffersNoTimeInTheMissingHour() {
        List<String> starts = homeSlots(NamedDates.DST_SPRING, LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), 0)
                .stream().map(s -> s.start().toString()).toList();
        assertThat(starts).containsExactly("2026-03-29T01:30+01:00", "2026-03-29T01:45+01:00",
                "2026-03-29T03:00+02:00", "2026-03-29T03:15+02:00", "2026-03-29T03:30+02:00", "2026-03-29T03:45+02:00",
                "2026-03-29T04:00+02:00", "2026-03-29T04:15+02:00", "2026-03-29T04:30+02:00");
    }

    @Test
    void theNightOfTheAutumnChangeOffersNoSlotStartingOrEndingInTheRepeatedHour() {
        List<SlotSearchResult.Slot> slots = homeSlots(NamedDates.DST_AUTUMN_EVE, LocalDate.of(2026, 10, 25),
                LocalDate.of(2026, 10, 25), 0);
        assertThat(slots).extracting(s -> s.start().toString()).containsExactly(
                "2026-10-25T01:00+02:00", "2026-10-25T01:15+02:00",
                "2026-10-25T03:00+01:00", "2026-10-25T03:15+01:00", "2026-10-25T03:30+01:00", "2026-10-25T03:45+01:00",
                "2026-10-25T04:00+01:00", "2026-10-25T04:15+01:00", "2026-10-25T04:30+01:00");
        // five hours of work that night (01:00-05:00 on the wall clock), of which the repeated hour is not offered
        assertThat(slots).noneSatisfy(s -> assertThat(s.start().getHour() == 2 || s.end().getHour() == 2).isTrue());
    }

    @Test
    void theMinimumNoticeIsElapsedTimeAcrossTheSpringChange() {
        // 01:30+01:00 plus two hours is 04:30+02:00 (the wall clock skips 02:00-03:00), not 03:30
        assertThat(homeSlots(NamedDates.DST_SPRING, LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), null))
                .extracting(s -> s.start().toString()).containsExactly("2026-03-29T04:30+02:00");
    }

    @Test
    void theMinimumNoticeIsElapsedTimeAcrossTheAutumnChange() {
        // 02:30+02:00 plus two hours is 03:30+01:00 (the wall clock goes back from 03:00 to 02:00), not 04:30
        assertThat(homeSlots(NamedDates.DST_AUTUMN, LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), null))
                .extracting(s -> s.start().toString()).containsExactly("2026-10-25T03:30+01:00",
                        "2026-10-25T03:45+01:00", "2026-10-25T04:00+01:00", "2026-10-25T04:15+01:00", "2026-10-25T04:30+01:00");
    }

    private static List<SlotSearchResult.Slot> centreSlots(NamedDate now) {
        SlotSearchResult r = searchAt(now).search(new SlotQuery(JobType.CHIP_REPAIR, false, List.of("C001"), null,
                now.day(), now.day().plusDays(7), null, null));
        assertThat(r.results()).singleElement().satisfies(c -> assertThat(c.mode()).isEqualTo(Mode.CENTRE));
        return r.results().get(0).slots();
    }

    private static List<SlotSearchResult.Slot> homeSlots(NamedDate now, LocalDate from, LocalDate to, Integer notice) {
        SlotSearchResult r = searchAt(now).search(new SlotQuery(JobType.CHIP_REPAIR, false, null, "01100", from, to, null,
                notice));
        assertThat(r.results()).singleElement().satisfies(c -> assertThat(c.mode()).isEqualTo(Mode.HOME));
        return r.results().get(0).slots();
    }

    private static SlotSearch searchAt(NamedDate now) {
        Network network = new Network() {
            @Override
            public Optional<Centre> centre(String id) {
                return Optional.of(CENTRE).filter(c -> c.centreId().equals(id));
            }

            @Override
            public List<Centre> vanCentresServing(Postcode postcode) {
                return postcode.departement().equals(CENTRE.departement()) ? List.of(CENTRE) : List.of();
            }
        };
        Workforce workforce = new Workforce() {
            @Override
            public Optional<Technician> technician(String id) {
                return Stream.of(IN_CENTRE, VAN).filter(t -> t.technicianId().equals(id)).findFirst();
            }

            @Override
            public List<Technician> ofCentre(String id) {
                return List.of(IN_CENTRE, VAN);
            }

            @Override
            public void record(Absence absence, java.time.Instant recordedAt) {
                throw new UnsupportedOperationException();
            }
        };
        BusyTimes nothingBooked = (ids, bookings, absences, at, excluding) -> new BusyTimes.Busy(Map.of(), Map.of(), false);
        return new SlotSearch(new Candidates(network, workforce), new TechnicianFreeTime(nothingBooked, PROPERTIES), PROPERTIES,
                Clock.fixed(now.instant(), ZoneOffset.UTC));
    }

    private static Centre centre() {
        Map<DayOfWeek, Centre.OpeningHours> opening = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            opening.put(d, new Centre.OpeningHours(LocalTime.of(8, 0), LocalTime.of(18, 30)));
        }
        opening.put(DayOfWeek.SATURDAY, new Centre.OpeningHours(LocalTime.of(9, 0), LocalTime.of(13, 0)));
        return new Centre("C001", "Bourg", "01000", "Bourg-en-Bresse", "01", 1, opening);
    }

    private static List<WorkPattern> weekdaysAndSaturday() {
        List<WorkPattern> patterns = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SUNDAY) {
                patterns.add(period(d, 8, 12));
                patterns.add(period(d, 13, 17));
            }
        }
        return patterns;
    }

    private static WorkPattern period(DayOfWeek day, int from, int to) {
        return new WorkPattern(day, LocalTime.of(from, 0), LocalTime.of(to, 0), LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1));
    }

    private static Technician technician(String id, boolean van, List<WorkPattern> patterns) {
        return new Technician(id, id, "C001", van, Set.of(Skill.values()), patterns);
    }
}
