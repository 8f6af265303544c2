package io.glasslink.planning.workforce.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.glasslink.planning.InvalidRequestException;
import io.glasslink.planning.InvalidRequestException.FieldProblem;
import io.glasslink.planning.PlanningTime;
import io.glasslink.planning.workforce.Absence;
import io.glasslink.planning.workforce.Absences;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records a technician's absence (planners' back-office call). */
@RestController
class AbsenceController {

    private final Absences absences;

    AbsenceController(Absences absences) {
        this.absences = absences;
    }

    /** Body of an absence. */
    record AbsenceRequest(OffsetDateTime from, OffsetDateTime to, String reason) {
    }

    /** The recorded absence. */
    record AbsenceResponse(UUID absenceId, String technicianId, OffsetDateTime from, OffsetDateTime to, String reason) {
    }

    @PostMapping("/api/v1/technicians/{technicianId}/absences")
    @ResponseStatus(HttpStatus.CREATED)
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
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Absence a = absences.record(technicianId, body.from().toInstant(), body.to().toInstant(), body.reason());
        return new AbsenceResponse(a.absenceId(), a.technicianId(), PlanningTime.paris(a.from()), PlanningTime.paris(a.to()),
                a.reason());
    }
}
