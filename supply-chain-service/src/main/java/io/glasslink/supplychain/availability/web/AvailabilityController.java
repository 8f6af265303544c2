package io.glasslink.supplychain.availability.web;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.glasslink.supplychain.availability.AvailabilityService;
import io.glasslink.supplychain.availability.CentreAvailability;
import io.glasslink.supplychain.availability.HomeAvailability;
import io.glasslink.supplychain.availability.SourceType;
import io.glasslink.supplychain.availability.SupplyOption;
import io.glasslink.supplychain.calendar.BusinessCalendar;
import io.glasslink.supplychain.network.Postcode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** When a part can be at a centre or a home, and the batch form for many centres. */
@RestController
@RequestMapping(path = "/api/v1/availability", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "availability")
class AvailabilityController {

    static final String ZONE = BusinessCalendar.ZONE.getId();

    private final AvailabilityService availability;

    AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
    }

    @GetMapping
    @Operation(operationId = "getAvailability", summary = "When a part can be at a centre or at a home",
            description = "Give exactly one of centreId (a centre job) or postcode (a home job, served by the vans of "
                    + "the centres of its département). Answers the earliest time and the source: the centre's own "
                    + "stock, its depot, the DC or a supplier order.")
    @ApiResponse(responseCode = "200", description = "the earliest availability")
    @ApiResponse(responseCode = "404", description = "unknown part or centre (not-found)")
    @ApiResponse(responseCode = "409", description = "the part cannot reach that place (part-unavailable)")
    @ApiResponse(responseCode = "422", description = "the postcode is not served (not-served)")
    AvailabilityView availability(@RequestParam(required = false) @NotBlank @Size(max = 20)
                                  @Parameter(required = true, example = "2043AGNMVZ") String partNumber,
                                  @RequestParam(defaultValue = "1") @Min(1) @Max(50) @Parameter(example = "1") int quantity,
                                  @RequestParam(required = false) @Pattern(regexp = "C[0-9]{3}")
                                  @Parameter(example = "C001") String centreId,
                                  @RequestParam(required = false) @Pattern(regexp = "[0-9]{5}")
                                  // the example is read as JSON: quoted, or it becomes the number 75011
                                  @Parameter(example = "\"75011\"") String postcode)
            throws UnsatisfiedServletRequestParameterException {
        if ((centreId == null) == (postcode == null)) {
            Map<String, String[]> given = new LinkedHashMap<>();
            Optional.ofNullable(centreId).ifPresent(c -> given.put("centreId", new String[] {c}));
            Optional.ofNullable(postcode).ifPresent(p -> given.put("postcode", new String[] {p}));
            throw new UnsatisfiedServletRequestParameterException(
                    List.of(new String[] {"centreId", "!postcode"}, new String[] {"postcode", "!centreId"}), given);
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

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAvailabilityAtCentres", summary = "When a part can be at each of up to 100 centres",
            description = "Answers every centre in the order asked; available is false (time and source null) where "
                    + "the part cannot reach a centre.")
    @ApiResponse(responseCode = "200", description = "one result per centre asked")
    @ApiResponse(responseCode = "422", description = "unknown part or centre (unprocessable, errors[] names it)")
    BatchView batch(@Valid @RequestBody BatchRequest request) {
        List<BatchResult> results = availability.forCentres(request.partNumber(), request.quantity(), request.centreIds())
                .stream().map(BatchResult::of).toList();
        return new BatchView(request.partNumber(), request.quantity(), ZONE, results);
    }

    /** Where the part is wanted: a centre, or a home served by a centre's vans. */
    record Destination(@Schema(allowableValues = {"CENTRE", "HOME"}, example = "CENTRE") String type,
                       @Schema(example = "C001") String centreId,
                       @Schema(example = "75011", nullable = true) String postcode) {
    }

    /** Where the part comes from. */
    record SourceView(SourceType type, @Schema(example = "D07") String locationId,
                      @Schema(example = "1") int transitDays) {
        static SourceView of(SupplyOption option) {
            return new SourceView(option.source().type(), option.source().locationId(), option.source().transitDays());
        }
    }

    /** Answer for one destination. */
    record AvailabilityView(@Schema(example = "2043AGNMVZ") String partNumber, @Schema(example = "1") int quantity,
                            Destination destination,
                            @Schema(example = "2026-12-10T08:00:00+01:00") OffsetDateTime earliestAvailableAt,
                            @Schema(example = "Europe/Paris") String zone, SourceView source) {
    }

    /** Batch question: one part, up to 100 centres; {@code quantity} defaults to 1. */
    record BatchRequest(@NotBlank @Size(max = 20) @Schema(example = "2043AGNMVZ") String partNumber,
                        @Min(1) @Max(50) @Schema(example = "1", defaultValue = "1") Integer quantity,
                        @NotEmpty @Size(max = 100) @Schema(example = "[\"C001\", \"C002\"]")
                        List<@NotNull @Pattern(regexp = "C[0-9]{3}") String> centreIds) {
        BatchRequest {
            quantity = quantity == null ? 1 : quantity;
        }
    }

    /** Answer for one centre of a batch; {@code available} false when the part cannot reach it. */
    record BatchResult(@Schema(example = "C001") String centreId, boolean available,
                       @Schema(example = "2026-12-10T08:00:00+01:00", nullable = true) OffsetDateTime earliestAvailableAt,
                       @Schema(nullable = true) SourceView source) {
        static BatchResult of(CentreAvailability c) {
            return c.earliest()
                    .map(o -> new BatchResult(c.centreId(), true, o.earliestAvailableAt().toOffsetDateTime(), SourceView.of(o)))
                    .orElseGet(() -> new BatchResult(c.centreId(), false, null, null));
        }
    }

    /** Batch answer, in the order of the centres asked. */
    record BatchView(@Schema(example = "2043AGNMVZ") String partNumber, @Schema(example = "1") int quantity,
                     @Schema(example = "Europe/Paris") String zone, List<BatchResult> results) {
    }
}
