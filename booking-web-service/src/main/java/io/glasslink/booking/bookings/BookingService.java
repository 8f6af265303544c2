package io.glasslink.booking.bookings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.glasslink.booking.bookings.BookingEvents.BookingRequested;
import io.glasslink.booking.bookings.Bookings.IdempotentRequest;
import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.config.BookingProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Takes, finds, cancels and reschedules bookings; the saga does the on-prem work of a new booking. */
@Service
public class BookingService {

    private final Bookings bookings;
    private final BookingSaga saga;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final BookingProperties props;
    private final BookingRules rules;
    private final Clock clock;

    public BookingService(Bookings bookings, BookingSaga saga, TransactionTemplate tx, ApplicationEventPublisher events,
                          BookingProperties props, BookingRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
        this.bookings = bookings;
        this.saga = saga;
        this.tx = tx;
        this.events = events;
        this.props = props;
    }

    /** Takes a booking from the web site and runs its saga; a booking that breaks {@link BookingRules} is refused. */
    public Booking book(BookingDetails details) {
        rules.checkNew(details);
        String reference = BookingReferences.next();
        tx.executeWithoutResult(s -> store(Booking.request(reference, details, clock.instant())));
        return saga.advance(reference);
    }

    /**
     * Takes a partner's booking under an idempotency key: a replay of the same request returns
     * the booking made the first time, another request under the same key is refused, and a new request that
     * breaks {@link BookingRules} is refused before anything is written.
     */
    public PartnerBooking bookForPartner(String partnerId, String key, String requestHash, BookingDetails details) {
        Optional<PartnerBooking> replay = replay(partnerId, key, requestHash);
        if (replay.isPresent()) {
            return replay.get();
        }
        rules.checkNew(details);
        String reference = BookingReferences.next();
        try {
            tx.executeWithoutResult(s -> {
                store(Booking.request(reference, details, clock.instant()));
                bookings.rememberRequest(partnerId, new IdempotentRequest(key, requestHash, reference));
            });
        } catch (DuplicateKeyException raced) {
            return replay(partnerId, key, requestHash).orElseThrow(() -> raced);
        }
        return new PartnerBooking(saga.advance(reference), false);
    }

    private Optional<PartnerBooking> replay(String partnerId, String key, String requestHash) {
        return bookings.idempotentRequest(partnerId, key).map(previous -> {
            if (!previous.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException(key);
            }
            return new PartnerBooking(bookings.byReference(previous.bookingReference()).orElseThrow(), true);
        });
    }

    private void store(Booking booking) {
        BookingDetails d = booking.details();
        bookings.add(booking);
        events.publishEvent(new BookingRequested(booking.reference(), d.channel().name(), d.partnerId(),
                d.jobType().name(), d.calibration(), d.partNumber(), d.centreId(), d.mode().name(), d.start(),
                booking.createdAt().atZone(NetworkCalendar.ZONE).toOffsetDateTime()));
    }

    /** A booking by reference. */
    public Optional<Booking> find(String reference) {
        return bookings.byReference(reference);
    }

    /** A booking, only if it was made with this e-mail address. */
    public Optional<Booking> findForCustomer(String reference, String email) {
        String ref = reference == null ? "" : reference.trim().toUpperCase(Locale.ROOT);
        return bookings.byReference(ref).filter(b -> email != null
                && b.details().customer().email().equalsIgnoreCase(email.trim()));
    }

    /** A booking, only if this partner made it. */
    public Optional<Booking> findForPartner(String reference, String partnerId) {
        return bookings.byReference(reference).filter(b -> partnerId.equals(b.details().partnerId()));
    }

    /** A page of a partner's bookings. */
    public List<Booking> ofPartner(String partnerId, int page, int size) {
        return bookings.ofPartner(partnerId, page, size);
    }

    /** How many bookings a partner has. */
    public long countOfPartner(String partnerId) {
        return bookings.countOfPartner(partnerId);
    }

    /**
     * Cancels a booking (notice policy applies to confirmed appointments): CANCELLED once planning has cancelled the
     * appointment and supply chain released the part, CANCELLING while on-prem cannot be reached (the recovery job
     * finishes it).
     */
    public Booking cancel(Booking booking) {
        return saga.change(booking.reference(), b -> b.requestCancel(clock.instant(), props.minNoticeHours()));
    }

    /**
     * Moves a confirmed appointment to another start the search can offer (notice policy applies): CONFIRMED at the
     * new start once planning has moved it, RESCHEDULING (at the old start) while planning cannot be reached.
     */
    public Booking reschedule(Booking booking, OffsetDateTime newStart) {
        rules.checkStart(newStart, booking.details().jobType(), booking.details().calibration());
        return saga.change(booking.reference(),
                b -> b.requestReschedule(newStart, clock.instant(), props.minNoticeHours()));
    }

    /** A partner booking and whether it is a replay of an earlier request. */
    public record PartnerBooking(Booking booking, boolean replayed) {
    }
}
