package io.glasslink.supplychain.availability.web;

import java.time.OffsetDateTime;
import java.util.List;

import io.glasslink.supplychain.availability.AvailabilityService;
import io.glasslink.supplychain.availability.CentreAvailability;
import io.glasslink.supplychain.availability.HomeAvailability;
import io.glasslink.supplychain.availability.SourceType;
import io.glasslink.supplychain.availability.SupplyOption;
import io.glasslink.supplychain.calendar.BusinessCalendar;
import io.glasslink.supplychain.network.Postcode;
import io.glasslink.supplychain.web.InvalidRequestException;
import io.glasslink.supplychain.web.InvalidRequestException.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** When a part can be at a centre or a home, and the batch form for many centres. */
@RestController
@RequestMapping("/api/v1/availability")
class AvailabilityController {

    static final String ZONE = BusinessCalendar.ZONE.getId();

    private final AvailabilityService availability;

    AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
    }

    @GetMapping
    AvailabilityView availability(@RequestParam(required = false) @NotBlank @Size(max = 20) String partNumber,
                                  @RequestParam(defaultValue = "1") @Min(1) @Max(50) int quantity,
                                  @RequestParam(required = false) @Pattern(regexp = "C[0-9]{3}") String centreId,
                                  @RequestParam(required = false) @Pattern(regexp = "[0-9]{5}") String postcode) {
        if ((centreId == null) == (postcode == null)) {
            String message = "give exactly one of centreId or postcode";
            throw new InvalidRequestException(List.of(new FieldProblem("centreId", message),
                    new FieldProblem("postcode", message)));
        }
        if (centreId != null) {
            SupplyOption option = availability.forCentre(partNumber, quantity, centreId);
            return new AvailabilityView(partNumber, quantity, new Destination("CENTRE", centreId, null),
                    option.earliestAvailableAt().toOffsetDateTime(), ZONE, SourceView.of(option));
        }
        Postcode home = new Postcode(postcode);
        HomeAvailability answer = availability.forHome(partNumber, quantity, home);
        return new AvailabilityView(partNumber, quantity, new Destination("HOME", answer.centreId(), home.value()),
                answer.option().earliestAvailableAt().toOffsetDateTime(), ZONE, SourceView.of(answer.option()));
    }

    @PostMapping("/batch")
    BatchView batch(@Valid @RequestBody BatchRequest request) {
        List<BatchResult> results = availability.forCentres(request.partNumber(), request.quantity(), request.centreIds())
                .stream().map(BatchResult::of).toList();
        return new BatchView(request.partNumber(), request.quantity(), ZONE, results);
    }

    /** Where the part is wanted: a centre, or a home served by a centre's vans. */
    record Destination(String type, String centreId, String postcode) {
    }

    /** Where the part comes from. */
    record SourceView(SourceType type, String locationId, int transitDays) {
        static SourceView of(SupplyOption option) {
            return new SourceView(option.source().type(), option.source().locationId(), option.source().transitDays());
        }
    }

    /** Answer for one destination. */
    record AvailabilityView(String partNumber, int quantity, Destination destination,
                            OffsetDateTime earliestAvailableAt, String zone, SourceView source) {
    }

    /** Batch question: one part, up to 100 centres; {@code quantity} defaults to 1. */
    record BatchRequest(@NotBlank @Size(max = 20) String partNumber,
                        @Min(1) @Max(50) Integer quantity,
                        @NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = "C[0-9]{3}") String> centreIds) {
        BatchRequest {
            quantity = quantity == null ? 1 : quantity;
        }
    }

    /** Answer for one centre of a batch; {@code available} false when the part cannot reach it. */
    record BatchResult(String centreId, boolean available, OffsetDateTime earliestAvailableAt, SourceView source) {
        static BatchResult of(CentreAvailability c) {
            return c.earliest()
                    .map(o -> new BatchResult(c.centreId(), true, o.earliestAvailableAt().toOffsetDateTime(), SourceView.of(o)))
                    .orElseGet(() -> new BatchResult(c.centreId(), false, null, null));
        }
    }

    /** Batch answer, in the order of the centres asked. */
    record BatchView(String partNumber, int quantity, String zone, List<BatchResult> results) {
    }
}
