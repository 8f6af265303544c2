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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hold a part for a booking, confirm it, release it. Every write is idempotent. */
@RestController
@RequestMapping("/api/v1/holds")
class HoldController {

    private static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

    private final HoldService holds;

    HoldController(HoldService holds) {
        this.holds = holds;
    }

    @PostMapping
    ResponseEntity<HoldView> place(@Valid @RequestBody HoldRequest request,
                                   @RequestHeader(name = "Idempotency-Key", required = false)
                                   @Size(min = 1, max = 200) String idempotencyKey) {
        Duration ttl = request.ttlSeconds() == null ? DEFAULT_TTL : Duration.ofSeconds(request.ttlSeconds());
        PartHold hold = holds.place(new PlaceHold(request.bookingReference(), request.partNumber(), request.quantity(),
                request.centreId(), ttl), idempotencyKey == null ? request.bookingReference() : idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/holds/" + hold.id())).body(HoldView.of(hold));
    }

    @GetMapping("/{holdId}")
    HoldView get(@PathVariable UUID holdId) {
        return HoldView.of(holds.get(holdId));
    }

    @GetMapping
    List<HoldView> forBooking(@RequestParam @NotBlank @Size(max = 64) String bookingReference) {
        return holds.forBooking(bookingReference).stream().map(HoldView::of).toList();
    }

    @PostMapping("/{holdId}/confirm")
    HoldView confirm(@PathVariable UUID holdId) {
        return HoldView.of(holds.confirm(holdId));
    }

    @PostMapping("/{holdId}/release")
    HoldView release(@PathVariable UUID holdId) {
        return HoldView.of(holds.release(holdId));
    }

    /** Body of a hold request; {@code ttlSeconds} defaults to 15 minutes. */
    record HoldRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String bookingReference,
                       @NotBlank @Size(max = 20) String partNumber,
                       @NotNull @Min(1) @Max(50) Integer quantity,
                       @NotBlank @Pattern(regexp = "C[0-9]{3}") String centreId,
                       @Min(30) @Max(86400) Integer ttlSeconds) {
    }

    /** A hold as the API shows it (times with the Europe/Paris offset). */
    record HoldView(UUID holdId, String bookingReference, String partNumber, int quantity, String centreId,
                    String sourceType, String sourceLocationId, HoldStatus status, OffsetDateTime expiresAt,
                    OffsetDateTime earliestAvailableAt, UUID transferOrderId) {

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
