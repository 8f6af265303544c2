package io.glasslink.booking.bookings;

import java.time.Clock;

import io.glasslink.booking.config.BookingProperties;
import io.glasslink.booking.onprem.OnPremRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resumes sagas that stopped moving — after a crash, or while the link was down (PENDING bookings, and
 * cancellations or reschedules still CANCELLING or RESCHEDULING). Events whose
 * publication did not complete are the outbox's ({@code events.messaging.OutboxResubmission}).
 */
@Component
public class SagaRecoveryJob {

    private static final Logger log = LoggerFactory.getLogger(SagaRecoveryJob.class);
    private static final int BATCH = 50;

    private final Bookings bookings;
    private final BookingSaga saga;
    private final BookingProperties props;
    private final Clock clock;

    public SagaRecoveryJob(Bookings bookings, BookingSaga saga, BookingProperties props, Clock clock) {
        this.clock = clock;
        this.bookings = bookings;
        this.saga = saga;
        this.props = props;
    }

    /** One pass over the stale sagas; returns how many were advanced. */
    @Scheduled(fixedDelayString = "${glasslink.booking.recovery-delay:PT5S}",
            initialDelayString = "${glasslink.booking.recovery-delay:PT5S}")
    public int recover() {
        int advanced = 0;
        for (String reference : bookings.unfinishedSince(clock.instant().minus(props.staleAfter()), BATCH)) {
            try {
                Booking b = saga.advance(reference);
                log.info("recovery advanced booking {} to {} ({})", reference, b.status(), b.step());
                advanced++;
            } catch (OnPremRejectedException refused) {
                log.info("recovery of booking {}: planning refused the change, which is undone: {}", reference,
                        refused.getMessage());
                advanced++;
            } catch (RuntimeException e) {
                log.warn("recovery of booking {} failed: {}", reference, e.toString());
            }
        }
        return advanced;
    }
}
