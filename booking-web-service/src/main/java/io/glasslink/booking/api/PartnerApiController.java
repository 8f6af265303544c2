package io.glasslink.booking.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.glasslink.booking.api.ApiModels.BookingPage;
import io.glasslink.booking.api.ApiModels.BookingView;
import io.glasslink.booking.api.ApiModels.NewBooking;
import io.glasslink.booking.api.ApiModels.Reschedule;
import io.glasslink.booking.bookings.Booking;
import io.glasslink.booking.bookings.BookingDetails;
import io.glasslink.booking.bookings.BookingService;
import io.glasslink.booking.bookings.BookingService.PartnerBooking;
import io.glasslink.booking.onprem.Planning.Mode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Partner API: bookings (idempotent creation), cancellation, rescheduling, listing. The availability search is
 * {@link PartnerAvailabilityController}'s.
 */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = PartnerApiController.TAG, description = PartnerApiController.TAG_DESCRIPTION)
class PartnerApiController {

    /** The OpenAPI tag of the whole partner API (both controllers). */
    static final String TAG = "bookings";
    static final String TAG_DESCRIPTION = "Windscreen repair and replacement bookings for partners";

    private final BookingService bookings;
    private final ObjectMapper json;

    PartnerApiController(BookingService bookings, ObjectMapper json) {
        this.bookings = bookings;
        this.json = json;
    }

    @Operation(summary = "Create a booking; Idempotency-Key is required, a replay returns the same booking")
    @PostMapping("/bookings")
    ResponseEntity<BookingView> create(@AuthenticationPrincipal Jwt identity,
                                       @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 128) String key,
                                       @Valid @RequestBody NewBooking body) {
        requirePartForReplacement(body.jobType().needsPart(), body.partNumber());
        Mode mode = body.mode() == null ? Mode.CENTRE : body.mode();
        if (mode == Mode.HOME && body.postcode() == null) {
            throw new FieldErrorException("postcode", "is required for a home job");
        }
        String partner = partnerOf(identity);
        BookingDetails details = new BookingDetails(BookingDetails.Channel.PARTNER, partner, body.jobType(),
                Boolean.TRUE.equals(body.calibration()), body.jobType().needsPart() ? body.partNumber() : null, body.centreId(), mode,
                body.postcode(), body.start(),
                new BookingDetails.Vehicle(body.vehicle().make(), body.vehicle().model(), body.vehicle().year(),
                        body.vehicle().plate()),
                new BookingDetails.Customer(body.customer().name(), body.customer().email(), body.customer().phone(),
                        body.customer().consent()));
        PartnerBooking made = bookings.bookForPartner(partner, key, hash(body), details);
        BookingView view = BookingView.of(made.booking());
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + view.reference()))
                .header("Idempotent-Replayed", String.valueOf(made.replayed()))
                .body(view);
    }

    @Operation(summary = "Get one of your bookings")
    @GetMapping("/bookings/{reference}")
    BookingView get(@AuthenticationPrincipal Jwt identity, @PathVariable String reference) {
        return BookingView.of(own(identity, reference));
    }

    @Operation(summary = "List your bookings, newest first")
    @GetMapping("/bookings")
    BookingPage list(@AuthenticationPrincipal Jwt identity,
                     @RequestParam(defaultValue = "0") @Min(0) int page,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String partner = partnerOf(identity);
        return new BookingPage(bookings.ofPartner(partner, page, size).stream().map(BookingView::of).toList(),
                page, size, bookings.countOfPartner(partner));
    }

    @Operation(summary = "Cancel a booking (notice policy applies to confirmed appointments)")
    @PostMapping("/bookings/{reference}/cancel")
    BookingView cancel(@AuthenticationPrincipal Jwt identity, @PathVariable String reference) {
        return BookingView.of(bookings.cancel(own(identity, reference)));
    }

    @Operation(summary = "Move a confirmed booking to another slot (notice policy applies)")
    @PostMapping("/bookings/{reference}/reschedule")
    BookingView reschedule(@AuthenticationPrincipal Jwt identity, @PathVariable String reference,
                           @Valid @RequestBody Reschedule body) {
        return BookingView.of(bookings.reschedule(own(identity, reference), body.start()));
    }

    private Booking own(Jwt identity, String reference) {
        return bookings.findForPartner(reference, partnerOf(identity))
                .orElseThrow(() -> new BookingNotFoundException(reference));
    }

    private static String partnerOf(Jwt identity) {
        String partner = identity.getClaimAsString("partner_id");
        if (partner == null || partner.isBlank()) {
            throw new NotAPartnerException();
        }
        return partner;
    }

    static void requirePartForReplacement(boolean needsPart, String partNumber) {
        if (needsPart && (partNumber == null || partNumber.isBlank())) {
            throw new FieldErrorException("partNumber", "is required for a windscreen replacement");
        }
    }

    private String hash(NewBooking body) {
        try {
            byte[] canonical = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller is authenticated but is not a partner (no {@code partner_id} claim). */
    static class NotAPartnerException extends RuntimeException {
        NotAPartnerException() {
            super("the partner API is for partners: the identity carries no partner_id");
        }
    }

}
