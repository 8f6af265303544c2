package io.glasslink.supplychain.holds.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.glasslink.supplychain.calendar.BusinessCalendar;
import io.glasslink.supplychain.holds.HoldService;
import io.glasslink.supplychain.holds.HoldStatus;
import io.glasslink.supplychain.holds.PartHold;
import io.glasslink.supplychain.holds.PlaceHold;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.micrometer.common.KeyValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.ServerHttpObservationFilter;

/** Hold a part for a booking, confirm it, release it. Every write is idempotent. */
@RestController
@RequestMapping(path = "/api/v1/holds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "holds")
class HoldController {

    private static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    static final String BOOKING_REFERENCE = "booking.reference";

    private final HoldService holds;

    HoldController(HoldService holds) {
        this.holds = holds;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "placeHold", summary = "Hold a part for a booking",
            description = "Reserves the part at the nearest source of the centre's supply route that has enough "
                    + "(centre, depot, DC), or as a supplier order. A retry with the same Idempotency-Key and body "
                    + "answers the same hold and changes nothing.")
    @ApiResponse(responseCode = "201", description = "the hold; Location names it")
    @ApiResponse(responseCode = "409", description = "not enough stock on the route and no supplier (insufficient-stock)")
    @ApiResponse(responseCode = "422", description = "unknown part or centre (unprocessable, errors[] names it), "
            + "or the Idempotency-Key was used with another body (idempotency-key-reused)")
    ResponseEntity<HoldView> place(@Valid @RequestBody HoldRequest request,
                                   @RequestHeader(name = "Idempotency-Key", required = false)
                                   @Parameter(description = "defaults to the booking reference", example = "GL-4F7K2QZX-part")
                                   @Size(min = 1, max = 200) String idempotencyKey,
                                   HttpServletRequest http) {
        Duration ttl = request.ttlSeconds() == null ? DEFAULT_TTL : Duration.ofSeconds(request.ttlSeconds());
        PartHold hold = holds.place(new PlaceHold(request.bookingReference(), request.partNumber(), request.quantity(),
                request.centreId(), ttl), idempotencyKey == null ? request.bookingReference() : idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/holds/" + hold.id())).body(traced(http, hold));
    }

    @GetMapping("/{holdId}")
    @Operation(operationId = "getHold", summary = "A hold as it is now")
    @ApiResponse(responseCode = "200", description = "the hold")
    @ApiResponse(responseCode = "404", description = "no such hold (not-found)")
    HoldView get(@PathVariable @Parameter(example = "3f2c8a1e-9b6d-4c1a-8f7e-2d5b6a9c0e41") UUID holdId,
                 HttpServletRequest http) {
        return traced(http, holds.get(holdId));
    }

    @GetMapping
    @Operation(operationId = "listHoldsOfBooking", summary = "The holds of a booking, oldest first")
    @ApiResponse(responseCode = "200", description = "the holds (none: an empty list)")
    List<HoldView> forBooking(@RequestParam @NotBlank @Size(max = 64) @Parameter(example = "GL-4F7K2QZX")
                              String bookingReference) {
        return holds.forBooking(bookingReference).stream().map(HoldView::of).toList();
    }

    @PostMapping("/{holdId}/confirm")
    @Operation(operationId = "confirmHold", summary = "Confirm a hold",
            description = "The held stock becomes allocated and, when the part must travel, a transfer order is "
                    + "raised. Confirming again answers the same.")
    @ApiResponse(responseCode = "200", description = "the confirmed hold")
    @ApiResponse(responseCode = "404", description = "no such hold (not-found)")
    @ApiResponse(responseCode = "409", description = "the hold was released or has expired (invalid-state)")
    HoldView confirm(@PathVariable @Parameter(example = "3f2c8a1e-9b6d-4c1a-8f7e-2d5b6a9c0e41") UUID holdId,
                     HttpServletRequest http) {
        return traced(http, holds.confirm(holdId));
    }

    @PostMapping("/{holdId}/release")
    @Operation(operationId = "releaseHold", summary = "Release a hold",
            description = "Frees the stock of a held or confirmed hold. Releasing again answers the hold as it is.")
    @ApiResponse(responseCode = "200", description = "the released hold")
    @ApiResponse(responseCode = "404", description = "no such hold (not-found)")
    HoldView release(@PathVariable @Parameter(example = "3f2c8a1e-9b6d-4c1a-8f7e-2d5b6a9c0e41") UUID holdId,
                     HttpServletRequest http) {
        return traced(http, holds.release(holdId));
    }

    /**
     * The hold's booking reference as a tag of the request's span ({@value #BOOKING_REFERENCE}; high cardinality:
     * the trace only, never a metric), so a booking's holds can be found in the traces. Nothing personal is tagged.
     */
    private static HoldView traced(HttpServletRequest http, PartHold hold) {
        ServerHttpObservationFilter.findObservationContext(http).ifPresent(
                context -> context.addHighCardinalityKeyValue(KeyValue.of(BOOKING_REFERENCE, hold.bookingReference())));
        return HoldView.of(hold);
    }

    /** Body of a hold request; {@code ttlSeconds} defaults to 15 minutes. */
    record HoldRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+")
                       @Schema(example = "GL-4F7K2QZX") String bookingReference,
                       @NotBlank @Size(max = 20) @Schema(example = "2043AGNMVZ") String partNumber,
                       @NotNull @Min(1) @Max(50) @Schema(example = "1") Integer quantity,
                       @NotBlank @Pattern(regexp = "C[0-9]{3}") @Schema(example = "C001") String centreId,
                       @Min(30) @Max(86400) @Schema(example = "900", defaultValue = "900") Integer ttlSeconds) {
    }

    /** A hold as the API shows it (times with the Europe/Paris offset). */
    record HoldView(@Schema(example = "3f2c8a1e-9b6d-4c1a-8f7e-2d5b6a9c0e41") UUID holdId,
                    @Schema(example = "GL-4F7K2QZX") String bookingReference,
                    @Schema(example = "2043AGNMVZ") String partNumber,
                    @Schema(example = "1") int quantity,
                    @Schema(example = "C001") String centreId,
                    @Schema(example = "DEPOT_TRANSFER", allowableValues = {"LOCAL_STOCK", "DEPOT_TRANSFER", "DC_TRANSFER",
                            "SUPPLIER"}) String sourceType,
                    @Schema(example = "D07") String sourceLocationId,
                    HoldStatus status,
                    @Schema(example = "2026-12-09T09:15:00+01:00") OffsetDateTime expiresAt,
                    @Schema(example = "2026-12-10T08:00:00+01:00") OffsetDateTime earliestAvailableAt,
                    @Schema(example = "8b1d5f0a-3c2e-4e7b-9a6f-1d0c2b3a4e5f", nullable = true) UUID transferOrderId) {

        static HoldView of(PartHold h) {
            return new HoldView(h.id(), h.bookingReference(), h.partNumber(), h.quantity(), h.centreId(),
                    h.source().type().name(), h.source().locationId(), h.status(), paris(h.expiresAt()),
                    h.earliestAvailableAt().toOffsetDateTime(), h.transferOrderId());
        }

        private static OffsetDateTime paris(Instant instant) {
            return instant.atZone(BusinessCalendar.ZONE).toOffsetDateTime();
        }
    }
}
