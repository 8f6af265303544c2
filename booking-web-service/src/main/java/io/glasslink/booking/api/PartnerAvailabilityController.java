package io.glasslink.booking.api;

import java.time.Clock;

import io.glasslink.booking.api.ApiModels.AvailabilityAnswer;
import io.glasslink.booking.api.ApiModels.AvailabilitySearch;
import io.glasslink.booking.availability.Availability;
import io.glasslink.booking.availability.AvailabilityQuery;
import io.glasslink.booking.availability.AvailabilityService;
import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.centres.Postcode;
import io.glasslink.booking.onprem.Planning.Mode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
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
@RequestMapping("/api/v1")
@Tag(name = PartnerApiController.TAG, description = PartnerApiController.TAG_DESCRIPTION)
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

    @Operation(summary = "Search bookable slots (provisional=true when the back office is unreachable)")
    @PostMapping("/availability/search")
    AvailabilityAnswer search(@Valid @RequestBody AvailabilitySearch search) {
        PartnerApiController.requirePartForReplacement(search.jobType().needsPart(), search.partNumber());
        AvailabilityQuery query = new AvailabilityQuery(search.jobType(), Boolean.TRUE.equals(search.calibration()),
                search.jobType().needsPart() ? search.partNumber() : null, new Postcode(search.postcode()),
                search.mode() == null ? Mode.CENTRE : search.mode(),
                search.from() == null ? NetworkCalendar.tomorrow(clock.instant()) : search.from(), null);
        Availability found = searchTimer.record(() -> availability.search(query));
        return new AvailabilityAnswer(found.provisional(), found.options());
    }
}
