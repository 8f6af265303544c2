package io.glasslink.booking.bookings;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The booking funnel's meters: {@code glasslink.bookings} counts each outcome as it happens, tagged {@code status}
 * (PENDING when a booking first waits for the back office, then CONFIRMED or FAILED when its saga ends, CANCELLED when
 * a cancellation completes) and {@code channel} (web, partner); {@code glasslink.booking.saga.duration} times a saga
 * from the request to its end, tagged {@code outcome} (CONFIRMED, FAILED), with SLO buckets.
 */
@Component
public class BookingOutcomes {

    static final Duration[] SAGA_SLO = {Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final MeterRegistry meters;
    private final Clock clock;

    public BookingOutcomes(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        // registered at start-up, so the series exist (at 0) before the first booking
        for (BookingDetails.Channel channel : BookingDetails.Channel.values()) {
            for (BookingStatus status : new BookingStatus[] {BookingStatus.PENDING, BookingStatus.CONFIRMED,
                    BookingStatus.FAILED, BookingStatus.CANCELLED}) {
                counter(status, channel);
            }
        }
        timer(BookingStatus.CONFIRMED);
        timer(BookingStatus.FAILED);
    }

    /** Counts {@code booking}'s current status as an outcome; a saga's end is also timed from the booking's request. */
    void record(Booking booking) {
        counter(booking.status(), booking.details().channel()).increment();
        if (booking.status() == BookingStatus.CONFIRMED || booking.status() == BookingStatus.FAILED) {
            Duration took = Duration.between(booking.createdAt(), clock.instant());
            timer(booking.status()).record(took.isNegative() ? Duration.ZERO : took);
        }
    }

    private Counter counter(BookingStatus status, BookingDetails.Channel channel) {
        return Counter.builder("glasslink.bookings")
                .description("Booking outcomes as they happen: PENDING (waiting for the back office), CONFIRMED, "
                        + "FAILED, CANCELLED")
                .tag("status", status.name())
                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .register(meters);
    }

    private Timer timer(BookingStatus outcome) {
        return Timer.builder("glasslink.booking.saga.duration")
                .description("Time from a booking's request to the end of its saga (confirmed or failed), "
                        + "recovery after an outage included")
                .tag("outcome", outcome.name())
                .serviceLevelObjectives(SAGA_SLO)
                .register(meters);
    }
}
