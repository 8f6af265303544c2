package io.glasslink.booking.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.glasslink.booking.api.ApiModels.BookingPage;
import io.glasslink.booking.api.ApiModels.BookingView;
import io.glasslink.booking.api.ApiModels.NewBooking;
import io.glasslink.booking.api.ApiModels.Reschedule;
import io.glasslink.booking.bookings.Booking;
import io.glasslink.booking.bookings.BookingDetails;
import io.glasslink.booking.bookings.BookingService;
import io.glasslink.booking.bookings.BookingStatus;
import io.glasslink.booking.bookings.BookingService.PartnerBooking;
import io.glasslink.booking.diagnosis.Mode;
import io.glasslink.booking.web.InvalidRequestException;
import io.glasslink.booking.web.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
 * {@link PartnerAvailabilityController}'s. Parameter constraints are checked by Spring MVC's own method validation
 * (400 naming the parameter). Error answers are described once in {@link OpenApiConfiguration}.
 */
@RestController
@RequestMapping(value = "/api/v1", produces = "application/json")
@Tag(name = OpenApiConfiguration.BOOKINGS)
class PartnerApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** An idempotency key: visible ASCII only, so it is stored and compared as sent. */
    static final String KEY_FORMAT = "[\\x21-\\x7E]{1,128}";
    /** A booking reference as {@code BookingReferences} makes them. */
    static final Pattern REFERENCE = Pattern.compile("GL-[0-9A-Z]{8}");

    private final BookingService bookings;
    private final ObjectMapper json;

    PartnerApiController(BookingService bookings, ObjectMapper json) {
        this.bookings = bookings;
        this.json = json;
    }

    @Operation(operationId = "createBooking", summary = "Book a slot",
            description = "Books one of the slots the availability search offered. The saga holds the slot and the "
                    + "part on-prem and confirms both: the answer is CONFIRMED, FAILED (with failureReason; nothing "
                    + "is held) or PENDING while the back office cannot be reached (confirmation follows). Nothing is "
                    + "written for a refused request. The same Idempotency-Key with the same body answers the same "
                    + "booking (Idempotent-Replayed: true); with another body it is refused (422).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(name = "replacement", value = OpenApiConfiguration.NEW_BOOKING_EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "The booking, as it stands after its saga ran",
                            headers = {
                                    @Header(name = "Location", description = "The booking's URL",
                                            schema = @Schema(type = "string")),
                                    @Header(name = "Idempotent-Replayed", description = "true when this answers "
                                            + "an earlier request with the same key", schema = @Schema(type = "boolean"))},
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = BookingView.class),
                                    examples = @ExampleObject(name = "confirmed", value = OpenApiConfiguration.BOOKING_EXAMPLE))),
                    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.R400),
                    @ApiResponse(responseCode = "401", ref = OpenApiConfiguration.R401),
                    @ApiResponse(responseCode = "403", ref = OpenApiConfiguration.R403),
                    @ApiResponse(responseCode = "406", ref = OpenApiConfiguration.R406),
                    @ApiResponse(responseCode = "413", ref = OpenApiConfiguration.R413),
                    @ApiResponse(responseCode = "415", ref = OpenApiConfiguration.R415),
                    @ApiResponse(responseCode = "422", ref = OpenApiConfiguration.R422_BOOKING),
                    @ApiResponse(responseCode = "429", ref = OpenApiConfiguration.R429),
                    @ApiResponse(responseCode = "500", ref = OpenApiConfiguration.R500),
                    @ApiResponse(responseCode = "503", ref = OpenApiConfiguration.R503_UNAVAILABLE)})
    @PostMapping(value = "/bookings", consumes = "application/json")
    ResponseEntity<BookingView> create(@AuthenticationPrincipal Jwt identity,
                                       @Parameter(in = ParameterIn.HEADER, required = true,
                                               description = "Your unique key for this booking request (1-128 visible "
                                                       + "ASCII characters): a retry with the same key and body "
                                                       + "returns the same booking",
                                               example = "order-4711")
                                       @RequestHeader(IDEMPOTENCY_KEY) @jakarta.validation.constraints.Pattern(
                                               regexp = KEY_FORMAT, message = "must be 1 to 128 visible ASCII characters")
                                       String key,
                                       @Valid @RequestBody NewBooking body) {
        requirePartForReplacement(body.jobType().needsPart(), body.partNumber());
        Mode mode = body.mode() == null ? Mode.CENTRE : body.mode();
        if (mode == Mode.HOME && emptyAsNull(body.postcode()) == null) {
            throw new InvalidRequestException("postcode", "is required for a home job");
        }
        String partner = partnerOf(identity);
        BookingDetails details = new BookingDetails(BookingDetails.Channel.PARTNER, partner, body.jobType(),
                Boolean.TRUE.equals(body.calibration()), body.jobType().needsPart() ? body.partNumber() : null,
                body.centreId(), mode, emptyAsNull(body.postcode()), body.start(),
                new BookingDetails.Vehicle(body.vehicle().make(), body.vehicle().model(), body.vehicle().year(),
                        emptyAsNull(body.vehicle().plate())),
                new BookingDetails.Customer(body.customer().name(), body.customer().email(), body.customer().phone(),
                        body.customer().consent()));
        PartnerBooking made = bookings.bookForPartner(partner, key, hash(body), details);
        BookingView view = BookingView.of(made.booking());
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + view.reference()))
                .header("Idempotent-Replayed", String.valueOf(made.replayed()))
                .body(view);
    }

    @Operation(operationId = "getBooking", summary = "Get one of your bookings",
            description = "A booking you made; another partner's booking is not found.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The booking", content = @Content(
                            mediaType = "application/json", schema = @Schema(implementation = BookingView.class),
                            examples = @ExampleObject(name = "confirmed", value = OpenApiConfiguration.BOOKING_EXAMPLE))),
                    @ApiResponse(responseCode = "401", ref = OpenApiConfiguration.R401),
                    @ApiResponse(responseCode = "403", ref = OpenApiConfiguration.R403),
                    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.R404),
                    @ApiResponse(responseCode = "406", ref = OpenApiConfiguration.R406),
                    @ApiResponse(responseCode = "429", ref = OpenApiConfiguration.R429),
                    @ApiResponse(responseCode = "500", ref = OpenApiConfiguration.R500),
                    @ApiResponse(responseCode = "503", ref = OpenApiConfiguration.R503_UNAVAILABLE)})
    @GetMapping("/bookings/{reference}")
    BookingView get(@AuthenticationPrincipal Jwt identity,
                    @Parameter(description = "The booking reference", example = "GL-7K3M9QXA") @PathVariable String reference) {
        return BookingView.of(own(identity, reference));
    }

    @Operation(operationId = "listBookings", summary = "List your bookings, newest first",
            responses = {
                    @ApiResponse(responseCode = "200", description = "One page of your bookings", content = @Content(
                            mediaType = "application/json", schema = @Schema(implementation = BookingPage.class))),
                    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.R400),
                    @ApiResponse(responseCode = "401", ref = OpenApiConfiguration.R401),
                    @ApiResponse(responseCode = "403", ref = OpenApiConfiguration.R403),
                    @ApiResponse(responseCode = "406", ref = OpenApiConfiguration.R406),
                    @ApiResponse(responseCode = "429", ref = OpenApiConfiguration.R429),
                    @ApiResponse(responseCode = "500", ref = OpenApiConfiguration.R500),
                    @ApiResponse(responseCode = "503", ref = OpenApiConfiguration.R503_UNAVAILABLE)})
    @GetMapping("/bookings")
    BookingPage list(@AuthenticationPrincipal Jwt identity,
                     @Parameter(description = "Page number, from 0", example = "0")
                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                     @Parameter(description = "Bookings per page, 1 to 100", example = "20")
                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String partner = partnerOf(identity);
        return new BookingPage(bookings.ofPartner(partner, page, size).stream().map(BookingView::of).toList(),
                page, size, bookings.countOfPartner(partner));
    }

    @Operation(operationId = "cancelBooking", summary = "Cancel a booking",
            description = "A confirmed appointment can be cancelled up to 24 hours before it starts (notice policy); "
                    + "a booking still in progress can always be cancelled. The cancellation is stored before the back "
                    + "office is asked: 200 when the appointment is cancelled and the part released (CANCELLED), 202 "
                    + "when the back office cannot be reached now (CANCELLING: it completes as soon as it can be "
                    + "reached; read the booking to follow it). A booking being changed by another request answers "
                    + "409 contention (retryable).",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The cancelled booking", content = @Content(
                            mediaType = "application/json", schema = @Schema(implementation = BookingView.class))),
                    @ApiResponse(responseCode = "202", description = "Accepted: the booking is CANCELLING and completes "
                            + "when the back office is reachable",
                            headers = @Header(name = "Location", description = "The booking's URL, to follow it",
                                    schema = @Schema(type = "string")),
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = BookingView.class))),
                    @ApiResponse(responseCode = "401", ref = OpenApiConfiguration.R401),
                    @ApiResponse(responseCode = "403", ref = OpenApiConfiguration.R403),
                    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.R404),
                    @ApiResponse(responseCode = "406", ref = OpenApiConfiguration.R406),
                    @ApiResponse(responseCode = "409", ref = OpenApiConfiguration.R409),
                    @ApiResponse(responseCode = "429", ref = OpenApiConfiguration.R429),
                    @ApiResponse(responseCode = "500", ref = OpenApiConfiguration.R500),
                    @ApiResponse(responseCode = "503", ref = OpenApiConfiguration.R503_UNAVAILABLE)})
    @PostMapping("/bookings/{reference}/cancel")
    ResponseEntity<BookingView> cancel(@AuthenticationPrincipal Jwt identity,
                       @Parameter(description = "The booking reference", example = "GL-7K3M9QXA") @PathVariable String reference) {
        return changed(bookings.cancel(own(identity, reference)), BookingStatus.CANCELLING);
    }

    @Operation(operationId = "rescheduleBooking", summary = "Move a confirmed booking to another slot",
            description = "The new start must be a slot the availability search offers for the booking's centre; "
                    + "the notice policy applies (not within 24 hours of the current start). The move is stored before "
                    + "the back office is asked: 200 when the appointment has moved (CONFIRMED at the new start), 202 "
                    + "when the back office cannot be reached now (RESCHEDULING, with requestedStart: the move "
                    + "completes as soon as it can be reached, or is dropped, the booking staying at its start, if the "
                    + "back office then refuses it).",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The booking at its new start", content = @Content(
                            mediaType = "application/json", schema = @Schema(implementation = BookingView.class))),
                    @ApiResponse(responseCode = "202", description = "Accepted: the booking is RESCHEDULING and moves "
                            + "when the back office is reachable",
                            headers = @Header(name = "Location", description = "The booking's URL, to follow it",
                                    schema = @Schema(type = "string")),
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = BookingView.class))),
                    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.R400),
                    @ApiResponse(responseCode = "401", ref = OpenApiConfiguration.R401),
                    @ApiResponse(responseCode = "403", ref = OpenApiConfiguration.R403),
                    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.R404),
                    @ApiResponse(responseCode = "406", ref = OpenApiConfiguration.R406),
                    @ApiResponse(responseCode = "409", ref = OpenApiConfiguration.R409),
                    @ApiResponse(responseCode = "413", ref = OpenApiConfiguration.R413),
                    @ApiResponse(responseCode = "415", ref = OpenApiConfiguration.R415),
                    @ApiResponse(responseCode = "422", ref = OpenApiConfiguration.R422_START),
                    @ApiResponse(responseCode = "429", ref = OpenApiConfiguration.R429),
                    @ApiResponse(responseCode = "500", ref = OpenApiConfiguration.R500),
                    @ApiResponse(responseCode = "503", ref = OpenApiConfiguration.R503_UNAVAILABLE)})
    @PostMapping(value = "/bookings/{reference}/reschedule", consumes = "application/json")
    ResponseEntity<BookingView> reschedule(@AuthenticationPrincipal Jwt identity,
                           @Parameter(description = "The booking reference", example = "GL-7K3M9QXA") @PathVariable String reference,
                           @Valid @RequestBody Reschedule body) {
        return changed(bookings.reschedule(own(identity, reference), body.start()), BookingStatus.RESCHEDULING);
    }

    /** 200 with a change done, 202 (and where to follow it) with a change still waiting for the back office. */
    private static ResponseEntity<BookingView> changed(Booking booking, BookingStatus waiting) {
        BookingView view = BookingView.of(booking);
        if (booking.status() == waiting) {
            return ResponseEntity.accepted().location(URI.create("/api/v1/bookings/" + view.reference())).body(view);
        }
        return ResponseEntity.ok(view);
    }

    private Booking own(Jwt identity, String reference) {
        String partner = partnerOf(identity);
        if (!REFERENCE.matcher(reference).matches()) {
            throw new BookingNotFoundException(reference);
        }
        return bookings.findForPartner(reference, partner).orElseThrow(() -> new BookingNotFoundException(reference));
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
            throw new InvalidRequestException("partNumber", "is required for a windscreen replacement");
        }
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private String hash(NewBooking body) {
        try {
            byte[] canonical = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
