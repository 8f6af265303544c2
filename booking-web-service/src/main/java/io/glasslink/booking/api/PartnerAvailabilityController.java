package io.glasslink.booking.api;

import java.time.Clock;
import java.time.LocalDate;

import io.glasslink.booking.api.ApiModels.AvailabilityAnswer;
import io.glasslink.booking.api.ApiModels.AvailabilitySearch;
import io.glasslink.booking.availability.Availability;
import io.glasslink.booking.availability.AvailabilityQuery;
import io.glasslink.booking.availability.AvailabilityService;
import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.centres.Postcode;
import io.glasslink.booking.diagnosis.Mode;
import io.glasslink.booking.web.InvalidRequestException;
import io.glasslink.booking.web.OpenApiConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner API: the availability search. Its own controller, without {@code @Validated}: its only constraints are on
 * the body, checked by Spring MVC ({@code @Valid}, same 400 problem+json), so no method-validation proxy runs around
 * every search (JFR: ≈ 5 % of booking-web's samples, parameters and return value inspected on each call).
 */
@RestController
@RequestMapping(value = "/api/v1", produces = "application/json")
@Tag(name = OpenApiConfiguration.AVAILABILITY)
class PartnerAvailabilityController {

    private final Timer searchTimer;
    private final AvailabilityService availability;
    private final Clock clock;

    PartnerAvailabilityController(AvailabilityService availability, MeterRegistry meters, Clock clock) {
        this.availability = availability;
        this.clock = clock;
        // the search without the HTTP framework around it (filters, identity token, body, answer): with
        // http.server.requests and http.client.requests it splits a search's time (BookingPathBenchmark)
        this.searchTimer = Timer.builder("booking.availability.search")
                .description("Availability search inside the partner API: centres, on-prem calls, merge")
                .register(meters);
    }

    @Operation(operationId = "searchAvailability", summary = "Search bookable slots",
            description = "The first 40 slots, earliest first, at the 5 centres nearest the postcode (mode CENTRE) or "
                    + "by the vans serving it (mode HOME), from `from` (default: tomorrow in Paris) for 14 days within "
                    + "the 60-day booking horizon, once the part can be there. While the back office cannot be "
                    + "reached the answer comes from the cloud's copy of stock and appointments and says "
                    + "`provisional: true`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(name = "replacement", value = OpenApiConfiguration.SEARCH_EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "Bookable slots", content = @Content(
                            mediaType = "application/json", schema = @Schema(implementation = AvailabilityAnswer.class),
                            examples = @ExampleObject(name = "slots", value = OpenApiConfiguration.SLOTS_EXAMPLE))),
                    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.R400),
                    @ApiResponse(responseCode = "401", ref = OpenApiConfiguration.R401),
                    @ApiResponse(responseCode = "403", ref = OpenApiConfiguration.R403),
                    @ApiResponse(responseCode = "406", ref = OpenApiConfiguration.R406),
                    @ApiResponse(responseCode = "413", ref = OpenApiConfiguration.R413),
                    @ApiResponse(responseCode = "415", ref = OpenApiConfiguration.R415),
                    @ApiResponse(responseCode = "422", ref = OpenApiConfiguration.R422_SEARCH),
                    @ApiResponse(responseCode = "429", ref = OpenApiConfiguration.R429),
                    @ApiResponse(responseCode = "500", ref = OpenApiConfiguration.R500),
                    @ApiResponse(responseCode = "503", ref = OpenApiConfiguration.R503_UNAVAILABLE)})
    @PostMapping(value = "/availability/search", consumes = "application/json")
    AvailabilityAnswer search(@Valid @RequestBody AvailabilitySearch search) {
        PartnerApiController.requirePartForReplacement(search.jobType().needsPart(), search.partNumber());
        LocalDate today = NetworkCalendar.today(clock.instant());
        LocalDate from = search.from() == null ? today.plusDays(1) : search.from();
        if (from.isBefore(today) || from.isAfter(availability.horizon())) {
            throw new InvalidRequestException("from", "must be between today (" + today
                    + ") and the end of the booking horizon (" + availability.horizon() + ")");
        }
        AvailabilityQuery query = new AvailabilityQuery(search.jobType(), Boolean.TRUE.equals(search.calibration()),
                search.jobType().needsPart() ? search.partNumber() : null, new Postcode(search.postcode()),
                search.mode() == null ? Mode.CENTRE : search.mode(), from, null);
        Availability found = searchTimer.record(() -> availability.search(query));
        return new AvailabilityAnswer(found.provisional(), found.options());
    }
}
