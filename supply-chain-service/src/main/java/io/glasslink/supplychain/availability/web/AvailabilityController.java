package io.glasslink.supplychain.availability.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/** When a part can be at a centre or a home, and the batch form for many centres. */
@RestController
@RequestMapping("/api/v1/availability")
class AvailabilityController {

    static final String ZONE = BusinessCalendar.ZONE.getId();

    private final AvailabilityService availability;

    AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
    }

    // checked by hand (check below), not by Bean Validation: this is the hottest endpoint, and method
    // validation of the parameters cost ≈ 5 % of its CPU; the schema annotations document the rules
    @GetMapping
    AvailabilityView availability(@RequestParam @Parameter(schema = @Schema(maxLength = 20)) String partNumber,
                                  @RequestParam(defaultValue = "1")
                                  @Parameter(schema = @Schema(minimum = "1", maximum = "50", defaultValue = "1")) int quantity,
                                  @RequestParam(required = false) @Parameter(schema = @Schema(maxLength = 10)) String centreId,
                                  @RequestParam(required = false) @Parameter(schema = @Schema(maxLength = 10)) String postcode) {
        List<FieldProblem> problems = new ArrayList<>(0);
        checkPartAndQuantity(partNumber, quantity, problems);
        checkMaxLength("centreId", centreId, 10, problems);
        checkMaxLength("postcode", postcode, 10, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if ((centreId == null) == (postcode == null)) {
            throw new ResponseStatusException(BAD_REQUEST, "give exactly one of centreId or postcode");
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
    BatchView batch(@RequestBody BatchRequest request) {
        request.check();
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

    /** Batch question: one part, many centres (checked by {@link #check()}, documented by the schema annotations). */
    record BatchRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 20) String partNumber,
                        @Schema(minimum = "1", maximum = "50", defaultValue = "1") Integer quantity,
                        @ArraySchema(minItems = 1, maxItems = 100, schema = @Schema(pattern = "C[0-9]{3}")) List<String> centreIds) {
        BatchRequest {
            quantity = quantity == null ? 1 : quantity;
        }

        /** The rules Bean Validation used to check, with its messages; throws when any is broken. */
        void check() {
            List<FieldProblem> problems = new ArrayList<>(0);
            checkPartAndQuantity(partNumber, quantity, problems);
            if (centreIds == null || centreIds.isEmpty()) {
                problems.add(new FieldProblem("centreIds", "must not be empty"));
            } else if (centreIds.size() > 100) {
                problems.add(new FieldProblem("centreIds", "size must be between 0 and 100"));
            } else {
                for (int i = 0; i < centreIds.size(); i++) {
                    if (!isCentreId(centreIds.get(i))) {
                        problems.add(new FieldProblem("centreIds[" + i + "]", "must match \"C[0-9]{3}\""));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }
    }

    private static void checkPartAndQuantity(String partNumber, int quantity, List<FieldProblem> problems) {
        if (partNumber == null || partNumber.isBlank()) {
            problems.add(new FieldProblem("partNumber", "must not be blank"));
        } else {
            checkMaxLength("partNumber", partNumber, 20, problems);
        }
        if (quantity < 1) {
            problems.add(new FieldProblem("quantity", "must be greater than or equal to 1"));
        } else if (quantity > 50) {
            problems.add(new FieldProblem("quantity", "must be less than or equal to 50"));
        }
    }

    private static void checkMaxLength(String field, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "size must be between 0 and " + max));
        }
    }

    // C followed by three digits, as the centres are numbered
    private static boolean isCentreId(String id) {
        return id != null && id.length() == 4 && id.charAt(0) == 'C' && isDigit(id.charAt(1)) && isDigit(id.charAt(2))
                && isDigit(id.charAt(3));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
