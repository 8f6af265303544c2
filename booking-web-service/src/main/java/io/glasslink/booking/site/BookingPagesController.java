package io.glasslink.booking.site;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.glasslink.booking.availability.Availability;
import io.glasslink.booking.availability.AvailabilityQuery;
import io.glasslink.booking.availability.AvailabilityService;
import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.bookings.Booking;
import io.glasslink.booking.bookings.BookingDetails;
import io.glasslink.booking.bookings.BookingRulesException;
import io.glasslink.booking.bookings.BookingService;
import io.glasslink.booking.centres.Centres;
import io.glasslink.booking.centres.Postcode;
import io.glasslink.booking.centres.PostcodeNotServedException;
import io.glasslink.booking.diagnosis.Diagnosis;
import io.glasslink.booking.diagnosis.Diagnostics;
import io.glasslink.booking.onprem.SupplyChain.Part;
import io.glasslink.booking.site.BookingForm.Step;
import io.glasslink.booking.vehicles.VehicleCatalogue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The step-by-step booking: vehicle, damage, diagnosis, where, slot, contact, confirmation. Each
 * step is a plain HTML form; a step is shown only once every earlier step is valid, otherwise the
 * first invalid step comes back with its errors next to the fields.
 */
@Controller
class BookingPagesController {

    private final VehicleCatalogue catalogue;
    private final AvailabilityService availability;
    private final BookingService bookings;
    private final Centres centres;
    private final Clock clock;

    BookingPagesController(VehicleCatalogue catalogue, AvailabilityService availability, BookingService bookings,
                           Centres centres, Clock clock) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.availability = availability;
        this.bookings = bookings;
        this.centres = centres;
    }

    @GetMapping("/")
    String home() {
        return "index";
    }

    @GetMapping("/book")
    String start() {
        return "redirect:/book/vehicle";
    }

    @GetMapping("/book/{step}")
    String step(@PathVariable String step, @ModelAttribute("form") BookingForm form, BindingResult errors, Model model) {
        Step target = Step.of(step);
        if (target == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return show(firstInvalidBefore(target, form, errors).orElse(target), form, errors, model);
    }

    @PostMapping("/book")
    String book(@ModelAttribute("form") BookingForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        Optional<Step> invalid = firstInvalidBefore(null, form, errors);
        if (invalid.isPresent()) {
            return show(invalid.get(), form, errors, model);
        }
        Job job = job(form);
        if (job.partMissing()) {
            return show(Step.DIAGNOSIS, form, errors, model);
        }
        Booking booking;
        try {
            booking = bookings.book(new BookingDetails(BookingDetails.Channel.WEB, null,
                    job.diagnosis().jobType(), job.diagnosis().calibration(),
                    job.part() == null ? null : job.part().partNumber(), form.slotCentre(), form.getMode(),
                    form.getPostcode(), form.slotStart(),
                    new BookingDetails.Vehicle(form.getMake(), form.getModel(), form.getYear(), form.getPlate()),
                    new BookingDetails.Customer(form.getName(), form.getEmail(), form.getPhone(), form.isConsent())));
        } catch (BookingRulesException refused) {
            // the chosen slot is no longer one the search offers (time moved on), or the form was altered
            errors.rejectValue("slot", "error.slot");
            return show(Step.SLOT, form, errors, model);
        }
        redirect.addFlashAttribute("email", form.getEmail());
        return "redirect:/book/confirmation/" + booking.reference();
    }

    @GetMapping("/book/confirmation/{reference}")
    String confirmation(@PathVariable String reference, @ModelAttribute("email") String email, Model model) {
        Optional<Booking> booking = bookings.findForCustomer(reference, email);
        if (booking.isEmpty()) {
            return "redirect:/manage";
        }
        Booking b = booking.get();
        model.addAttribute("booking", BookingView.of(b, centres.byId(b.details().centreId()).orElse(null)));
        return "confirmation";
    }

    private Optional<Step> firstInvalidBefore(Step target, BookingForm form, BindingResult errors) {
        if (errors.hasErrors()) {
            // binding errors (e.g. a year that is not a number) belong to the step of that field
            return Optional.of(stepOf(errors.getFieldErrors().get(0).getField()));
        }
        for (Step s : Step.values()) {
            if (s == target) {
                break;
            }
            form.validate(s, errors, clock);
            if (errors.hasErrors()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static Step stepOf(String field) {
        return switch (field) {
            case "damageType", "damageSize", "inDriverView", "impacts" -> Step.DAMAGE;
            case "postcode", "mode" -> Step.WHERE;
            case "slot" -> Step.SLOT;
            case "name", "email", "phone", "consent" -> Step.CONTACT;
            default -> Step.VEHICLE;
        };
    }

    private String show(Step step, BookingForm form, BindingResult errors, Model model) {
        model.addAttribute("step", step.path());
        model.addAttribute("stepNumber", step.ordinal() + 1);
        model.addAttribute("stepCount", Step.values().length);
        model.addAttribute("hidden", form.fieldsBefore(step));
        Step[] all = Step.values();
        model.addAttribute("next", step.ordinal() + 1 < all.length ? all[step.ordinal() + 1].path() : null);
        model.addAttribute("previous", step.ordinal() > 0 ? all[step.ordinal() - 1].path() : null);
        switch (step) {
            case VEHICLE -> {
                model.addAttribute("makes", catalogue.makes());
                model.addAttribute("models", form.getMake() == null ? List.of()
                        : catalogue.models(form.getMake()).stream().map(m -> m.model()).distinct().toList());
            }
            case DAMAGE -> model.addAttribute("damageTypes", Arrays.asList(io.glasslink.booking.diagnosis.DamageType.values()));
            case DIAGNOSIS -> {
                Job job = job(form);
                model.addAttribute("job", job);
                model.addAttribute("partName", job.part() == null ? null : PartNames.of(
                        job.part().description() != null ? job.part().description() : job.part().partNumber(),
                        org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            }
            case SLOT -> {
                Job job = job(form);
                if (job.partMissing()) {
                    return show(Step.DIAGNOSIS, form, errors, model);
                }
                try {
                    Availability found = availability.search(new AvailabilityQuery(job.diagnosis().jobType(),
                            job.diagnosis().calibration(), job.part() == null ? null : job.part().partNumber(),
                            new Postcode(form.getPostcode()), form.getMode(),
                            NetworkCalendar.tomorrow(clock.instant()), null));
                    model.addAttribute("availability", found);
                    model.addAttribute("slotGroups", SlotGroups.of(found.options()));
                } catch (PostcodeNotServedException e) {
                    errors.rejectValue("postcode", "error.notServed");
                    return show(Step.WHERE, form, errors, model);
                }
            }
            case CONTACT -> {
                model.addAttribute("chosenCentre", centres.byId(form.slotCentre()).orElse(null));
                model.addAttribute("chosenStart", form.slotStart().atZoneSameInstant(AvailabilityService.ZONE));
            }
            default -> { }
        }
        return "book";
    }

    private Job job(BookingForm form) {
        Optional<Part> part = catalogue.windscreen(form.getMake(), form.getModel(), form.getYear());
        Diagnosis diagnosis = Diagnostics.diagnose(form.damage(), part.map(Part::adasCamera).orElse(false));
        boolean needsPart = diagnosis.jobType().needsPart();
        return new Job(diagnosis, needsPart ? part.orElse(null) : null, needsPart && part.isEmpty());
    }

    /** The diagnosed job, the part it needs, and whether that part could not be identified. */
    record Job(Diagnosis diagnosis, Part part, boolean partMissing) {
    }
}
