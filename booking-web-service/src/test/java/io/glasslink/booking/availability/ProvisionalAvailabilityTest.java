package io.glasslink.booking.availability;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.glasslink.booking.centres.Centres;
import io.glasslink.booking.centres.Postcode;
import io.glasslink.booking.config.BookingProperties;
import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.onprem.OnPremUnavailableException;
import io.glasslink.booking.onprem.Planning;
import io.glasslink.booking.diagnosis.Mode;
import io.glasslink.booking.onprem.SupplyChain;
import io.glasslink.booking.support.Settings;
import io.glasslink.testsupport.NamedDates;
import io.glasslink.testsupport.NamedDates.NamedDate;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The degraded-mode answer follows the network's calendar on the named dates: no Sunday, no public holiday,
 * working hours in Paris time, the minimum notice, the slot grid, and the Paris offset of each slot.
 */
class ProvisionalAvailabilityTest {

    static final String CENTRE = "C326";
    static Centres centres;
    static ExecutorService executor;

    /** The first provisional slot for a chip repair searched from the next day, at each named moment. */
    static final Map<String, String> FIRST_SLOT = Map.of(
            NamedDates.SATURDAY.name(), "2026-12-07T08:00+01:00",
            NamedDates.SATURDAY_EVENING.name(), "2026-12-07T08:00+01:00",
            NamedDates.SUNDAY.name(), "2026-12-07T08:00+01:00",
            // 25 December is a holiday: the Saturday after
            NamedDates.CHRISTMAS_EVE.name(), "2026-12-26T09:00+01:00",
            // 8 May 2027 is a holiday on a Saturday, then Sunday
            NamedDates.VICTORY_DAY_EVE.name(), "2027-05-10T08:00+02:00",
            NamedDates.DST_SPRING_EVE.name(), "2026-03-30T08:00+02:00",
            NamedDates.DST_SPRING.name(), "2026-03-30T08:00+02:00",
            NamedDates.DST_AUTUMN_EVE.name(), "2026-10-26T08:00+01:00",
            NamedDates.DST_AUTUMN.name(), "2026-10-26T08:00+01:00",
            // 1 January is a holiday: Saturday 2 January
            NamedDates.NEW_YEARS_EVE.name(), "2027-01-02T09:00+01:00");

    @BeforeAll
    static void load() throws Exception {
        try (InputStream csv = ProvisionalAvailabilityTest.class.getResourceAsStream("/reference/centres.csv")) {
            centres = Centres.fromCsv(csv);
        }
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    @ParameterizedTest
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void theProvisionalAnswerStartsOnTheNextWorkingSlotAndKeepsToTheCalendar(NamedDate date) {
        TestClock clock = TestClock.startingAt(date.instant());
        Availability answer = service(clock, new Stock()).search(chipRepair(NetworkCalendar.tomorrow(clock.instant())));

        assertThat(answer.provisional()).isTrue();
        assertThat(answer.options()).isNotEmpty();
        assertThat(answer.options().get(0).start()).isEqualTo(OffsetDateTime.parse(FIRST_SLOT.get(date.name())));
        assertThat(answer.options()).allSatisfy(o -> {
            ZonedDateTime start = o.start().atZoneSameInstant(NetworkCalendar.ZONE);
            assertThat(NetworkCalendar.fits(start, Duration.ofMinutes(30))).as(o.toString()).isTrue();
            assertThat(o.start().toInstant()).isAfterOrEqualTo(date.instant().plus(Duration.ofMinutes(120)));
            assertThat(start.getMinute()).isZero();
            assertThat(o.start().getOffset()).isEqualTo(start.getOffset());
            assertThat(Duration.between(o.start(), o.end())).isEqualTo(Duration.ofMinutes(30));
        });
    }

    @Test
    void onTheEveOfChristmasAPartNotInStockPushesTheFirstSlotPastTheHolidayAndTheWeekend() {
        TestClock clock = TestClock.startingAt(NamedDates.CHRISTMAS_EVE.instant());
        Availability answer = service(clock, new Stock()).search(new AvailabilityQuery(JobType.WINDSCREEN_REPLACEMENT,
                true, "WS-1", new Postcode("75011"), Mode.CENTRE, NetworkCalendar.tomorrow(clock.instant()), CENTRE));
        // 11:00 + 2 h notice + 2 days' transfer = Saturday 26 at 13:00, after Saturday's closing time
        assertThat(answer.options().get(0).start()).isEqualTo(OffsetDateTime.parse("2026-12-28T08:00+01:00"));
        assertThat(answer.options().get(0).end()).isEqualTo(OffsetDateTime.parse("2026-12-28T10:15+01:00"));
    }

    @Test
    void aPartInStockNeedsNoTransfer() {
        TestClock clock = TestClock.startingAt(NamedDates.CHRISTMAS_EVE.instant());
        Stock stock = new Stock();
        stock.levels.put("WS-1@" + CENTRE, 2);
        Availability answer = service(clock, stock).search(new AvailabilityQuery(JobType.WINDSCREEN_REPLACEMENT,
                true, "WS-1", new Postcode("75011"), Mode.CENTRE, NetworkCalendar.tomorrow(clock.instant()), CENTRE));
        // Saturday: 09:00-11:15 and 10:00-12:15 fit before 12:30, 11:00-13:15 does not
        assertThat(answer.options()).extracting(o -> o.start().toString()).startsWith(
                "2026-12-26T09:00+01:00", "2026-12-26T10:00+01:00", "2026-12-28T08:00+01:00");
    }

    @Test
    void slotsAcrossTheSpringChangeSwitchFromWinterToSummerOffset() {
        TestClock clock = TestClock.startingAt(NamedDates.DST_SPRING_EVE.instant().minus(Duration.ofDays(1)));
        List<SlotOption> options = service(clock, new Stock()).search(chipRepair(NamedDates.DST_SPRING_EVE.day())).options();
        assertThat(options).extracting(o -> o.start().toString()).startsWith(
                "2026-03-28T09:00+01:00", "2026-03-28T10:00+01:00", "2026-03-28T11:00+01:00", "2026-03-28T12:00+01:00",
                "2026-03-30T08:00+02:00");
        assertThat(options.get(4).start().toInstant()).isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
    }

    @Test
    void slotsAcrossTheAutumnChangeSwitchFromSummerToWinterOffset() {
        TestClock clock = TestClock.startingAt(NamedDates.DST_AUTUMN_EVE.instant().minus(Duration.ofDays(1)));
        List<SlotOption> options = service(clock, new Stock()).search(chipRepair(NamedDates.DST_AUTUMN_EVE.day())).options();
        assertThat(options).extracting(o -> o.start().toString()).startsWith(
                "2026-10-24T09:00+02:00", "2026-10-24T10:00+02:00", "2026-10-24T11:00+02:00", "2026-10-24T12:00+02:00",
                "2026-10-26T08:00+01:00");
        assertThat(options.get(4).start().toInstant()).isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
    }

    @Test
    void aSlotTheReadModelKnowsIsTakenIsNotOffered() {
        TestClock clock = TestClock.startingAt(NamedDates.SUNDAY.instant());
        Stock stock = new Stock();
        stock.taken.add(OffsetDateTime.parse("2026-12-07T08:00+01:00").toInstant());
        Availability answer = service(clock, stock).search(chipRepair(NetworkCalendar.tomorrow(clock.instant())));
        assertThat(answer.options().get(0).start()).isEqualTo(OffsetDateTime.parse("2026-12-07T09:00+01:00"));
    }

    private static AvailabilityQuery chipRepair(LocalDate from) {
        return new AvailabilityQuery(JobType.CHIP_REPAIR, false, null, new Postcode("75011"), Mode.CENTRE, from, CENTRE);
    }

    private static AvailabilityService service(TestClock clock, ReadModel readModel) {
        BookingProperties props = Settings.booking();
        return new AvailabilityService(new Unreachable(), new Unreachable(), centres, readModel, executor, props, clock,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /** The read model: stock levels and taken starts as the hub's events left them. */
    static final class Stock implements ReadModel {

        final Map<String, Integer> levels = new HashMap<>();
        final Set<Instant> taken = new HashSet<>();

        @Override
        public int available(String partNumber, String locationId) {
            return levels.getOrDefault(partNumber + "@" + locationId, 0);
        }

        @Override
        public Set<Instant> takenStarts(String centreId, OffsetDateTime from, OffsetDateTime to) {
            return taken;
        }
    }

    /** On-prem behind a cut link: every call fails as the HTTP adapters report it. */
    static final class Unreachable implements Planning, SupplyChain {

        private static OnPremUnavailableException down() {
            return new OnPremUnavailableException("link down", null);
        }

        @Override
        public List<CentreSlots> search(SlotSearch search) {
            throw down();
        }

        @Override
        public Appointment hold(String bookingReference, JobType jobType, boolean calibration, String centreId,
                                Mode mode, String postcode, OffsetDateTime start) {
            throw down();
        }

        @Override
        public void confirm(String appointmentId) {
            throw down();
        }

        @Override
        public void cancel(String appointmentId, String reason, String overrideReason) {
            throw down();
        }

        @Override
        public Appointment reschedule(String appointmentId, OffsetDateTime start, String overrideReason) {
            throw down();
        }

        @Override
        public List<String> makes() {
            throw down();
        }

        @Override
        public List<VehicleModel> models(String make) {
            throw down();
        }

        @Override
        public List<Part> windscreens(String make, String model, int year) {
            throw down();
        }

        @Override
        public List<LeadTime> leadTimes(String partNumber, List<String> centreIds) {
            throw down();
        }

        @Override
        public PartHold hold(String bookingReference, String partNumber, String centreId, int ttlSeconds) {
            throw down();
        }

        @Override
        public void confirmHold(String holdId) {
            throw down();
        }

        @Override
        public void releaseHold(String holdId) {
            throw down();
        }
    }
}
