package io.glasslink.booking.bookings;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.glasslink.booking.bookings.BookingEvents.BookingCancelled;
import io.glasslink.booking.bookings.BookingEvents.BookingRequested;
import io.glasslink.booking.bookings.BookingEvents.BookingRescheduled;
import io.glasslink.booking.bookings.Bookings.IdempotentRequest;
import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.config.BookingProperties;
import io.glasslink.booking.onprem.OnPremRejectedException;
import io.glasslink.booking.onprem.OnPremUnavailableException;
import io.glasslink.booking.onprem.Planning;
import io.glasslink.booking.onprem.SupplyChain;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Takes, finds, cancels and reschedules bookings; the saga does the on-prem work of a new booking. */
@Service
public class BookingService {

    private final Bookings bookings;
    private final BookingSaga saga;
    private final Planning planning;
    private final SupplyChain supplyChain;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final BookingProperties props;
    private final BookingRules rules;
    private final Clock clock;

    public BookingService(Bookings bookings, BookingSaga saga, Planning planning, SupplyChain supplyChain,
                          TransactionTemplate tx, ApplicationEventPublisher events, BookingProperties props,
                          BookingRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
        this.bookings = bookings;
        this.saga = saga;
        this.planning = planning;
        this.supplyChain = supplyChain;
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

    /** Cancels a booking (notice policy applies to confirmed appointments). */
    public Booking cancel(Booking booking) {
        BookingStatus previous = booking.status();
        if (previous == BookingStatus.CONFIRMED) {
            booking.checkReschedulable(clock.instant(), props.minNoticeHours());
            planning.cancel(booking.appointmentId(), "cancelled by customer");
            releasePart(booking);
            booking.cancel(clock.instant(), props.minNoticeHours());
            saveWith(booking, new BookingCancelled(booking.reference(), previous.name(), now()));
            return booking;
        }
        if (!bookings.lease(booking.reference(), Duration.ofSeconds(30))) {
            throw new BookingStateException(booking.reference(), previous, "cancel while it is being processed");
        }
        try {
            Booking current = bookings.byReference(booking.reference()).orElseThrow();
            BookingStatus before = current.status();
            current.cancel(clock.instant(), props.minNoticeHours());
            saveWith(current, new BookingCancelled(current.reference(), before.name(), now()));
            bestEffortRelease(current);
            return current;
        } finally {
            bookings.unlease(booking.reference());
        }
    }

    /** Moves a confirmed appointment to another start the search can offer (notice policy applies). */
    public Booking reschedule(Booking booking, OffsetDateTime newStart) {
        booking.checkReschedulable(clock.instant(), props.minNoticeHours());
        rules.checkStart(newStart, booking.details().jobType(), booking.details().calibration());
        OffsetDateTime previous = booking.start();
        Planning.Appointment moved = planning.reschedule(booking.appointmentId(), newStart);
        OffsetDateTime start = moved != null && moved.start() != null ? moved.start() : newStart;
        OffsetDateTime end = moved != null ? moved.end() : null;
        booking.rescheduled(start, end);
        saveWith(booking, new BookingRescheduled(booking.reference(), previous, start, end, now()));
        return booking;
    }

    private void releasePart(Booking booking) {
        if (booking.holdId() == null) {
            return;
        }
        try {
            supplyChain.releaseHold(booking.holdId());
        } catch (OnPremRejectedException alreadyGone) {
            // a confirmed or expired hold cannot be released: supply chain reallocates it itself
        }
    }

    private void bestEffortRelease(Booking booking) {
        try {
            if (booking.appointmentId() != null) {
                planning.cancel(booking.appointmentId(), "booking cancelled before confirmation");
            }
            releasePart(booking);
        } catch (OnPremUnavailableException | OnPremRejectedException e) {
            // holds expire on-prem on their own: nothing stays blocked
        }
    }

    private void saveWith(Booking booking, BookingEvents.BookingEvent event) {
        tx.executeWithoutResult(s -> {
            bookings.update(booking);
            events.publishEvent(event);
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(NetworkCalendar.ZONE));
    }

    /** A partner booking and whether it is a replay of an earlier request. */
    public record PartnerBooking(Booking booking, boolean replayed) {
    }
}
