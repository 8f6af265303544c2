package io.glasslink.planning.workforce.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.glasslink.planning.FieldProblem;
import io.glasslink.planning.PlanningTime;
import io.glasslink.planning.workforce.Absence;
import io.glasslink.planning.workforce.Absences;
import io.glasslink.planning.workforce.InvalidAbsenceException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records a technician's absence (planners' back-office call). */
@RestController
@Tag(name = "Absences")
class AbsenceController {

    private static final int MAX_REASON_LENGTH = 200;

    private final Absences absences;

    AbsenceController(Absences absences) {
        this.absences = absences;
    }

    /** Body of an absence. */
    record AbsenceRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime from,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "after from (exclusive)") OffsetDateTime to,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "LEAVE") String reason) {
    }

    /** The recorded absence. */
    record AbsenceResponse(UUID absenceId, String technicianId, OffsetDateTime from, OffsetDateTime to, String reason) {
    }

    @PostMapping(path = "/api/v1/technicians/{technicianId}/absences", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordAbsence", summary = "Record a technician's absence",
            description = "The technician is absent over [from, to): its slots are gone (appointments already there are left "
                    + "to the planners). Publishes TechnicianAbsenceRecorded.")
    AbsenceResponse record(@PathVariable String technicianId, @RequestBody AbsenceRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.from() == null) {
            problems.add(new FieldProblem("from", "is required"));
        }
        if (body.to() == null) {
            problems.add(new FieldProblem("to", "is required"));
        }
        if (body.from() != null && body.to() != null && !body.to().isAfter(body.from())) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        if (body.reason() == null || body.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "is required"));
        } else if (body.reason().length() > MAX_REASON_LENGTH) {
            problems.add(new FieldProblem("reason", "is at most " + MAX_REASON_LENGTH + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAbsenceException(problems);
        }
        Absence a = absences.record(technicianId, body.from().toInstant(), body.to().toInstant(), body.reason());
        return new AbsenceResponse(a.absenceId(), a.technicianId(), PlanningTime.paris(a.from()), PlanningTime.paris(a.to()),
                a.reason());
    }
}
