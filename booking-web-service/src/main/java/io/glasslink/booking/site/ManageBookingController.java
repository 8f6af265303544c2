package io.glasslink.booking.site;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import io.glasslink.booking.availability.AvailabilityQuery;
import io.glasslink.booking.availability.AvailabilityService;
import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.bookings.Booking;
import io.glasslink.booking.bookings.BookingBusyException;
import io.glasslink.booking.bookings.BookingRulesException;
import io.glasslink.booking.bookings.BookingService;
import io.glasslink.booking.bookings.BookingStateException;
import io.glasslink.booking.bookings.BookingStatus;
import io.glasslink.booking.bookings.NoticePolicyException;
import io.glasslink.booking.centres.Centres;
import io.glasslink.booking.centres.Postcode;
import io.glasslink.booking.onprem.OnPremRejectedException;
import io.glasslink.booking.onprem.OnPremUnavailableException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Find a booking by reference and e-mail; download its calendar file, cancel it or move it. */
@Controller
class ManageBookingController {

    private final BookingService bookings;
    private final AvailabilityService availability;
    private final Centres centres;
    private final MessageSource messages;
    private final Clock clock;

    ManageBookingController(BookingService bookings, AvailabilityService availability, Centres centres,
                            MessageSource messages, Clock clock) {
        this.clock = clock;
        this.bookings = bookings;
        this.availability = availability;
        this.centres = centres;
        this.messages = messages;
    }

    @GetMapping("/manage")
    String form() {
        return "manage";
    }

    @PostMapping("/manage")
    String find(@RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String email,
                Model model) {
        model.addAttribute("reference", reference);
        model.addAttribute("email", email);
        Optional<Booking> booking = bookings.findForCustomer(reference, email);
        if (booking.isEmpty()) {
            model.addAttribute("notFound", true);
            return "manage";
        }
        return show(booking.get(), model);
    }

    /**
     * Cancels only once the customer has confirmed it: the first post shows the booking with the question and both
     * answers (plain forms, no JavaScript); the second, with {@code confirmed=true}, cancels.
     */
    @PostMapping("/manage/cancel")
    String cancel(@RequestParam String reference, @RequestParam String email,
                  @RequestParam(defaultValue = "false") boolean confirmed, Model model) {
        Optional<Booking> booking = bookings.findForCustomer(reference, email);
        if (booking.isEmpty()) {
            return find(reference, email, model);
        }
        if (!confirmed) {
            model.addAttribute("confirmCancel", true);
            return show(booking.get(), model);
        }
        return change(booking.get(), bookings::cancel, "manage.cancelled", BookingStatus.CANCELLING,
                "manage.cancelling", model);
    }

    @PostMapping("/manage/reschedule-options")
    String rescheduleOptions(@RequestParam String reference, @RequestParam String email, Model model) {
        Optional<Booking> booking = bookings.findForCustomer(reference, email);
        if (booking.isEmpty()) {
            return find(reference, email, model);
        }
        Booking b = booking.get();
        var centre = centres.byId(b.details().centreId()).orElseThrow();
        model.addAttribute("options", availability.search(new AvailabilityQuery(b.details().jobType(),
                b.details().calibration(), b.details().partNumber(),
                new Postcode(b.details().postcode() != null ? b.details().postcode() : centre.postcode()),
                b.details().mode(), NetworkCalendar.tomorrow(clock.instant()), centre.id())));
        return show(b, model);
    }

    @PostMapping("/manage/reschedule")
    String reschedule(@RequestParam String reference, @RequestParam String email,
                      @RequestParam(defaultValue = "") String slot, Model model) {
        Optional<Booking> booking = bookings.findForCustomer(reference, email);
        if (booking.isEmpty()) {
            return find(reference, email, model);
        }
        OffsetDateTime start;
        try {
            start = OffsetDateTime.parse(slot.substring(slot.indexOf('|') + 1));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            model.addAttribute("problem", "error.slot");
            return show(booking.get(), model);
        }
        return change(booking.get(), b -> bookings.reschedule(b, start), "manage.rescheduled",
                BookingStatus.RESCHEDULING, "manage.rescheduling", model);
    }

    @PostMapping("/manage/calendar")
    ResponseEntity<byte[]> calendar(@RequestParam String reference, @RequestParam String email, Locale locale) {
        Optional<Booking> booking = bookings.findForCustomer(reference, email)
                .filter(b -> b.status() == BookingStatus.CONFIRMED || b.status() == BookingStatus.PENDING);
        if (booking.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Booking b = booking.get();
        String ics = CalendarFile.of(b, centres.byId(b.details().centreId()).orElse(null),
                messages.getMessage("ics.summary", null, "glasslink", locale));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(b.reference() + ".ics").build().toString())
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Applies a change and shows the booking with a success message (or, when the change waits for the back office,
     * the message saying it is recorded), or unchanged with the reason it was refused.
     */
    private String change(Booking booking, java.util.function.UnaryOperator<Booking> action, String success,
                          BookingStatus waiting, String recorded, Model model) {
        try {
            Booking changed = action.apply(booking);
            model.addAttribute("message", changed.status() == waiting ? recorded : success);
            return show(changed, model);
        } catch (BookingRulesException e) {
            model.addAttribute("problem", "error.slot");
        } catch (NoticePolicyException | BookingStateException | OnPremRejectedException e) {
            model.addAttribute("problem", "manage.tooLate");
        } catch (OnPremUnavailableException e) {
            model.addAttribute("problem", "manage.unavailable");
        } catch (BookingBusyException e) {
            model.addAttribute("problem", "manage.busy");
        }
        return show(booking, model);
    }

    private String show(Booking b, Model model) {
        model.addAttribute("booking", BookingView.of(b, centres.byId(b.details().centreId()).orElse(null)));
        model.addAttribute("reference", b.reference());
        model.addAttribute("email", b.details().customer().email());
        return "manage";
    }
}
