package io.glasslink.booking.availability;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.glasslink.booking.centres.Centres;
import io.glasslink.booking.centres.Postcode;
import io.glasslink.booking.config.BookingProperties;
import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.onprem.Planning;
import io.glasslink.booking.onprem.Planning.CentreSlots;
import io.glasslink.booking.diagnosis.Mode;
import io.glasslink.booking.onprem.Planning.Slot;
import io.glasslink.booking.onprem.SupplyChain;
import io.glasslink.booking.support.Settings;
import io.glasslink.booking.onprem.SupplyChain.LeadTime;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search asks planning for the first slots of each centre only, and still lists exactly what
 * the whole window would give once the part's arrival is taken into account.
 */
class AvailabilityServiceTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final TestClock CLOCK = TestClock.atSuiteStart();
    static final LocalDate FROM = NetworkCalendar.tomorrow(CLOCK.instant());
    static Centres centres;
    static ExecutorService executor;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream csv = AvailabilityServiceTest.class.getResourceAsStream("/reference/centres.csv")) {
            centres = Centres.fromCsv(csv);
        }
        executor = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    @Test
    void aPartAvailableEverywhereNeedsOneLimitedPlanningCallAndGivesTheWholeWindowsList() {
        OnHourPlanning planning = new OnHourPlanning();
        Availability limited = service(planning, arrivesAfter(Duration.ZERO)).search(query("WS-1"));
        Availability whole = service(new OnHourPlanning().ignoringLimits(), arrivesAfter(Duration.ZERO)).search(query("WS-1"));

        assertThat(planning.asked).hasSize(1);
        assertThat(planning.asked.get(0).limit()).isEqualTo(40);
        assertThat(planning.asked.get(0).notBefore()).isNull();
        assertThat(limited.options()).hasSize(40).isEqualTo(whole.options());
    }

    @Test
    void aPartArrivingAfterEveryCentresFirstSlotsAsksThoseCentresAgainFromItsArrival() {
        // 9 starts a day: the first 40 slots of each centre end on the 5th day, the part comes on the 7th
        Duration sixDays = Duration.ofDays(6);
        OnHourPlanning planning = new OnHourPlanning();
        Availability limited = service(planning, arrivesAfter(sixDays)).search(query("WS-2"));
        Availability whole = service(new OnHourPlanning().ignoringLimits(), arrivesAfter(sixDays)).search(query("WS-2"));

        OffsetDateTime arrival = FROM.atStartOfDay(PARIS).toOffsetDateTime().plus(sixDays);
        assertThat(limited.options()).hasSize(40).isEqualTo(whole.options())
                .allSatisfy(o -> assertThat(o.start()).isAfterOrEqualTo(arrival));
        // the first call, then one per centre from the part's arrival
        assertThat(planning.asked).hasSize(1 + planning.asked.get(0).centreIds().size());
        assertThat(planning.asked.subList(1, planning.asked.size())).allSatisfy(s -> {
            assertThat(s.centreIds()).hasSize(1);
            assertThat(s.notBefore()).isEqualTo(arrival);
        });
    }

    @Test
    void aPartArrivingWhileOtherCentresStillFillTheListAsksNothingAgain() {
        OnHourPlanning planning = new OnHourPlanning();
        String late = centres.near(new Postcode("75011"), 5).get(0).centre().id();
        Function<String, Duration> lead = c -> c.equals(late) ? Duration.ofDays(2) : Duration.ZERO;
        Availability limited = service(planning, lead).search(query("WS-3"));
        Availability whole = service(new OnHourPlanning().ignoringLimits(), lead).search(query("WS-3"));

        assertThat(planning.asked).hasSize(1);
        assertThat(limited.options()).hasSize(40).isEqualTo(whole.options())
                .noneSatisfy(o -> assertThat(o.centreId()).isEqualTo(late));
    }

    private static AvailabilityQuery query(String part) {
        return new AvailabilityQuery(JobType.WINDSCREEN_REPLACEMENT, false, part, new Postcode("75011"), Mode.CENTRE, FROM, null);
    }

    private static Function<String, Duration> arrivesAfter(Duration lead) {
        return c -> lead;
    }

    private static AvailabilityService service(Planning planning, Function<String, Duration> lead) {
        BookingProperties props = Settings.booking();
        return new AvailabilityService(new LeadTimes(lead), planning, centres, new NoReadModel(), executor, props, CLOCK,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /** Planning with one technician per centre free on every hour from 08:00 to 16:00, every day. */
    static final class OnHourPlanning implements Planning {

        final List<SlotSearch> asked = new CopyOnWriteArrayList<>();
        private boolean ignoreLimits;

        OnHourPlanning ignoringLimits() {
            ignoreLimits = true;
            return this;
        }

        @Override
        public List<CentreSlots> search(SlotSearch search) {
            asked.add(search);
            List<CentreSlots> result = new ArrayList<>();
            for (String centre : search.centreIds()) {
                List<Slot> slots = new ArrayList<>();
                for (LocalDate day = search.from(); !day.isAfter(search.to()); day = day.plusDays(1)) {
                    for (int hour = 8; hour <= 16; hour++) {
                        OffsetDateTime start = day.atTime(LocalTime.of(hour, 0)).atZone(PARIS).toOffsetDateTime();
                        boolean tooEarly = search.notBefore() != null && start.isBefore(search.notBefore());
                        boolean full = !ignoreLimits && search.limit() != null && slots.size() == search.limit();
                        if (!tooEarly && !full) {
                            slots.add(new Slot(start, start.plusMinutes(90), 1));
                        }
                    }
                }
                result.add(new CentreSlots(centre, Mode.CENTRE, slots));
            }
            return result;
        }

        @Override
        public Appointment hold(String bookingReference, JobType jobType, boolean calibration, String centreId, Mode mode,
                                String postcode, OffsetDateTime start) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void confirm(String appointmentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(String appointmentId, String reason, String overrideReason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Appointment reschedule(String appointmentId, OffsetDateTime start, String overrideReason) {
            throw new UnsupportedOperationException();
        }
    }

    /** Supply chain where the part reaches each centre a given time after the first day's midnight. */
    record LeadTimes(Function<String, Duration> lead) implements SupplyChain {

        @Override
        public List<LeadTime> leadTimes(String partNumber, List<String> centreIds) {
            return centreIds.stream().map(c -> new LeadTime(c, true,
                    FROM.atStartOfDay(PARIS).toOffsetDateTime().plus(lead.apply(c)))).toList();
        }

        @Override
        public List<String> makes() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VehicleModel> models(String make) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Part> windscreens(String make, String model, int year) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PartHold hold(String bookingReference, String partNumber, String centreId, int ttlSeconds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void confirmHold(String holdId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void releaseHold(String holdId) {
            throw new UnsupportedOperationException();
        }
    }

    /** The link is up in these tests: the read model is never asked. */
    static final class NoReadModel implements ReadModel {

        @Override
        public int available(String partNumber, String locationId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Instant> takenStarts(String centreId, OffsetDateTime from, OffsetDateTime to) {
            throw new UnsupportedOperationException();
        }
    }
}
