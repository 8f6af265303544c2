package io.glasslink.booking.bookings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.glasslink.booking.availability.AvailabilityService;
import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.bookings.BookingRulesException.Violation;
import io.glasslink.booking.centres.Centre;
import io.glasslink.booking.centres.Centres;
import io.glasslink.booking.centres.Postcode;
import io.glasslink.booking.config.BookingProperties;
import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.diagnosis.Mode;
import org.springframework.stereotype.Component;

/**
 * The business rules a booking must meet before anything is written: the customer consented, the centre exists and
 * serves the mode, the vehicle's year is plausible, and the start is one the search can offer — after the minimum
 * notice, on the slot grid, inside the network's working hours, within the booking horizon. Judged by the clock.
 */
@Component
public class BookingRules {

    /** The oldest vehicle the network services. */
    public static final int OLDEST_YEAR = 1950;

    private final Centres centres;
    private final BookingProperties props;
    private final Clock clock;

    public BookingRules(Centres centres, BookingProperties props, Clock clock) {
        this.centres = centres;
        this.props = props;
        this.clock = clock;
    }

    /** Refuses a new booking that breaks any rule, naming every broken one. */
    public void checkNew(BookingDetails d) {
        List<Violation> broken = new ArrayList<>();
        if (!d.customer().consent()) {
            broken.add(new Violation("customer.consent", "must be true: the customer must agree to be contacted about the appointment"));
        }
        int newest = NetworkCalendar.today(clock.instant()).getYear() + 1;
        if (d.vehicle().year() < OLDEST_YEAR || d.vehicle().year() > newest) {
            broken.add(new Violation("vehicle.year", "must be between " + OLDEST_YEAR + " and " + newest));
        }
        Optional<Centre> centre = centres.byId(d.centreId());
        if (centre.isEmpty()) {
            broken.add(new Violation("centreId", "no centre " + d.centreId() + " in the network"));
        } else if (d.mode() == Mode.HOME && !servesHomeJobs(centre.get(), d.postcode())) {
            broken.add(new Violation("mode", "centre " + d.centreId() + " has no van serving postcode " + d.postcode()));
        }
        start(d.start(), d.jobType(), d.calibration()).ifPresent(broken::add);
        if (!broken.isEmpty()) {
            throw new BookingRulesException(broken);
        }
    }

    /** Refuses a new start for an existing booking unless the search could offer it. */
    public void checkStart(OffsetDateTime start, JobType jobType, boolean calibration) {
        start(start, jobType, calibration).ifPresent(v -> {
            throw new BookingRulesException(List.of(v));
        });
    }

    /** The last day a booking can start on. */
    public LocalDate horizon() {
        return NetworkCalendar.today(clock.instant()).plusDays(props.horizonDays());
    }

    private Optional<Violation> start(OffsetDateTime start, JobType jobType, boolean calibration) {
        ZonedDateTime local = start.atZoneSameInstant(NetworkCalendar.ZONE);
        Instant earliest = clock.instant().plus(Duration.ofMinutes(AvailabilityService.MIN_NOTICE_MINUTES));
        if (start.toInstant().isBefore(earliest)) {
            return violation("must be at least " + AvailabilityService.MIN_NOTICE_MINUTES / 60
                    + " hours ahead (not before " + earliest.atZone(NetworkCalendar.ZONE).toOffsetDateTime() + ")");
        }
        if (local.toLocalDate().isAfter(horizon())) {
            return violation("must be within the booking horizon of " + props.horizonDays() + " days (on or before "
                    + horizon() + ")");
        }
        int minuteOfDay = local.getHour() * 60 + local.getMinute();
        if (local.getSecond() != 0 || local.getNano() != 0 || minuteOfDay % props.slotStepMinutes() != 0) {
            return violation("must be on the " + props.slotStepMinutes() + "-minute slot grid in Paris time, seconds 0");
        }
        if (!NetworkCalendar.fits(local, jobType.duration(calibration))) {
            return violation("the network does not work then (Monday-Friday 08:00-18:00, Saturday 09:00-12:30, "
                    + "no Sundays or public holidays; the job must end by closing time)");
        }
        return Optional.empty();
    }

    private boolean servesHomeJobs(Centre centre, String postcode) {
        if (centre.vans() <= 0 || postcode == null) {
            return false;
        }
        try {
            return centres.vanCentresFor(new Postcode(postcode)).contains(centre);
        } catch (RuntimeException notServed) {
            return false;
        }
    }

    private static Optional<Violation> violation(String message) {
        return Optional.of(new Violation("start", message));
    }
}
