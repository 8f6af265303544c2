package io.glasslink.planning.workforce;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.glasslink.planning.PlanningTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records technician absences and announces them. */
@Service
public class Absences {

    private final Workforce workforce;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Absences(Workforce workforce, ApplicationEventPublisher events, Clock clock) {
        this.workforce = workforce;
        this.events = events;
        this.clock = clock;
    }

    /** Records that the technician is absent over [from, to); existing appointments are left to the planners. */
    @Transactional
    public Absence record(String technicianId, Instant from, Instant to, String reason) {
        Technician technician = workforce.technician(technicianId)
                .orElseThrow(() -> new UnknownTechnicianException(technicianId));
        Instant now = clock.instant();
        Absence absence = new Absence(UUID.randomUUID(), technicianId, from, to, reason);
        workforce.record(absence, now);
        events.publishEvent(new TechnicianAbsenceRecorded(UUID.randomUUID(), absence.absenceId(), technicianId,
                technician.homeCentreId(), PlanningTime.paris(from), PlanningTime.paris(to), reason,
                PlanningTime.paris(now)));
        return absence;
    }
}
