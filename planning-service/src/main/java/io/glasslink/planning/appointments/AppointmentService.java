package io.glasslink.planning.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.glasslink.planning.FieldProblem;
import io.glasslink.planning.PlanningProperties;
import io.glasslink.planning.PlanningTime;
import io.glasslink.planning.network.Centre;
import io.glasslink.planning.network.NotServedException;
import io.glasslink.planning.network.Postcode;
import io.glasslink.planning.slots.TechnicianFreeTime;
import io.glasslink.planning.slots.Candidates;
import io.glasslink.planning.slots.Interval;
import io.glasslink.planning.slots.Mode;
import io.glasslink.planning.workforce.Technician;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds, confirms, cancels and reschedules appointments. Each write is one transaction that also
 * records its domain event in the outbox. Overlaps are refused by PostgreSQL, never by a check
 * alone: a lost race tries the next free technician, then answers 409.
 */
@Service
public class AppointmentService {

    /** The longest booking reference accepted. */
    public static final int MAX_REFERENCE_LENGTH = 64;

    /** The longest centre id accepted. */
    static final int MAX_ID_LENGTH = 16;

    private final Appointments appointments;
    private final Candidates candidates;
    private final TechnicianFreeTime freeTime;
    private final PlanningProperties properties;
    private final NoticePolicy noticePolicy;
    private final ApplicationEventPublisher events;
    private final AppointmentOutcomes outcomes;
    private final Clock clock;

    AppointmentService(Appointments appointments, Candidates candidates, TechnicianFreeTime freeTime,
                       PlanningProperties properties, ApplicationEventPublisher events, AppointmentOutcomes outcomes,
                       Clock clock) {
        this.appointments = appointments;
        this.candidates = candidates;
        this.freeTime = freeTime;
        this.properties = properties;
        this.noticePolicy = NoticePolicy.of(properties.notice());
        this.events = events;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /**
     * Holds the slot with a free technician. 400 for a malformed command; 422 when the centre does
     * not exist or serve the mode, or the start is not one the search can offer (past, off the
     * grid, beyond the horizon, in the repeated hour of a DST change, outside everyone's working
     * time); 409 when no technician is free.
     */
    @Transactional
    public Appointment hold(HoldCommand command) {
        validate(command);
        Instant now = clock.instant();
        Centre centre = candidates.centre(command.centreId(), "centreId");
        if (command.mode() == Mode.HOME) {
            Postcode postcode = new Postcode(command.postcode());
            if (!centre.hasVans() || !centre.departement().equals(postcode.departement())) {
                throw new NotServedException("postcode", "centre " + centre.centreId()
                        + " has no van serving postcode " + postcode.value());
            }
        }
        Instant start = command.start().toInstant();
        Instant end = start.plus(command.jobType().duration(command.calibration()));
        checkStart(start, end, now);
        List<Technician> team = candidates.of(centre, command.mode(), command.jobType().requiredSkills(command.calibration()));
        List<String> free = freeTechnicians(team, centre, command.mode(), start, end, null, now);
        if (free.isEmpty()) {
            checkSomeoneWorks(team, centre, command.mode(), start, end);
        }
        Collections.shuffle(free, ThreadLocalRandom.current());
        for (String technicianId : free) {
            Appointment hold = Appointment.hold(command.bookingReference(), technicianId, centre.centreId(),
                    command.mode(), command.postcode(), command.jobType(), command.calibration(), start, now,
                    properties.holds().ttl());
            if (appointments.insertIfFree(hold, now)) {
                events.publishEvent(new SlotHeld(UUID.randomUUID(), hold.appointmentId(), hold.bookingReference(),
                        hold.centreId(), hold.mode().name(), hold.jobType().name(), hold.calibration(),
                        PlanningTime.paris(hold.start()), PlanningTime.paris(hold.end()),
                        PlanningTime.paris(hold.expiresAt()), PlanningTime.paris(now)));
                outcomes.committed(AppointmentOutcomes.Outcome.HELD);
                return hold;
            }
        }
        outcomes.refused();
        throw new SlotUnavailableException("no technician is free at " + PlanningTime.paris(start) + " in "
                + centre.centreId() + " (" + command.mode() + ")");
    }

    /** The appointment, or 404. */
    @Transactional(readOnly = true)
    public Appointment get(UUID appointmentId) {
        return appointments.find(appointmentId).orElseThrow(() -> new AppointmentNotFoundException(appointmentId));
    }

    /** Confirms a live hold; a repeat answers the same. */
    @Transactional
    public Appointment confirm(UUID appointmentId) {
        Instant now = clock.instant();
        Appointment current = locked(appointmentId);
        Appointment confirmed = current.confirm(now);
        if (confirmed != current) {
            appointments.updateStatus(confirmed, now);
            events.publishEvent(new AppointmentConfirmed(UUID.randomUUID(), confirmed.appointmentId(),
                    confirmed.bookingReference(), confirmed.centreId(), confirmed.mode().name(),
                    confirmed.jobType().name(), confirmed.calibration(), PlanningTime.paris(confirmed.start()),
                    PlanningTime.paris(confirmed.end()), PlanningTime.paris(now)));
            outcomes.committed(AppointmentOutcomes.Outcome.CONFIRMED);
        }
        return confirmed;
    }

    /** Cancels a hold or, within the notice policy, a confirmed appointment; a repeat answers the same. */
    @Transactional
    public Appointment cancel(UUID appointmentId, String reason, String overrideReason) {
        Instant now = clock.instant();
        Appointment current = locked(appointmentId);
        Appointment cancelled = current.cancel(now, noticePolicy, overrideReason);
        if (cancelled != current) {
            appointments.updateStatus(cancelled, now);
            events.publishEvent(new AppointmentCancelled(UUID.randomUUID(), cancelled.appointmentId(),
                    cancelled.bookingReference(), cancelled.centreId(), current.status().name(),
                    PlanningTime.paris(cancelled.start()), PlanningTime.paris(cancelled.end()), reason,
                    overrideReason, PlanningTime.paris(now)));
            outcomes.committed(AppointmentOutcomes.Outcome.CANCELLED);
        }
        return cancelled;
    }

    /**
     * Moves a live appointment to {@code newStart} in one transaction: the new time is taken
     * (same technician first) before the old one is released, so a failure leaves it where it was.
     */
    @Transactional
    public Appointment reschedule(UUID appointmentId, Instant newStart, String overrideReason) {
        Instant now = clock.instant();
        Appointment current = locked(appointmentId);
        if (current.start().equals(newStart) && current.isLive(now)) {
            return current;
        }
        current.checkMovable(now, noticePolicy, overrideReason);
        Centre centre = candidates.centre(current.centreId(), "centreId");
        Instant newEnd = newStart.plus(current.jobType().duration(current.calibration()));
        checkStart(newStart, newEnd, now);
        List<Technician> team = candidates.of(centre, current.mode(), current.jobType().requiredSkills(current.calibration()));
        List<String> free = freeTechnicians(team, centre, current.mode(), newStart, newEnd, appointmentId, now);
        if (free.isEmpty()) {
            checkSomeoneWorks(team, centre, current.mode(), newStart, newEnd);
        }
        Collections.shuffle(free, ThreadLocalRandom.current());
        if (free.remove(current.technicianId())) {
            free.add(0, current.technicianId());
        }
        for (String technicianId : free) {
            Appointment moved = current.movedTo(technicianId, newStart);
            if (appointments.moveIfFree(moved, now)) {
                events.publishEvent(new AppointmentRescheduled(UUID.randomUUID(), moved.appointmentId(),
                        moved.bookingReference(), moved.centreId(), moved.status().name(),
                        PlanningTime.paris(current.start()), PlanningTime.paris(current.end()),
                        PlanningTime.paris(moved.start()), PlanningTime.paris(moved.end()), overrideReason,
                        PlanningTime.paris(now)));
                outcomes.committed(AppointmentOutcomes.Outcome.RESCHEDULED);
                return moved;
            }
        }
        throw new SlotUnavailableException("no technician is free at " + PlanningTime.paris(newStart) + " in "
                + centre.centreId() + ": the appointment stays at " + PlanningTime.paris(current.start()));
    }

    /** Expires up to a batch of due holds (safe with several instances: locked rows are skipped). */
    @Transactional
    public int expireDueHolds() {
        Instant now = clock.instant();
        List<Appointment> expired = appointments.expireDue(now, properties.holds().expiryBatchSize());
        expired.forEach(a -> announceExpiry(a, now));
        return expired.size();
    }

    private List<String> freeTechnicians(List<Technician> team, Centre centre, Mode mode, Instant start, Instant end,
                                         UUID excluding, Instant now) {
        if (team.isEmpty()) {
            return new ArrayList<>();
        }
        TechnicianFreeTime.FreeTimes free = freeTime.free(team, mode, t -> mode == Mode.CENTRE ? centre : null,
                start, end, now, excluding);
        if (free.lapsedHolds()) {
            // a lapsed hold still counts for the exclusion constraint until it is marked: mark it now
            List<String> ids = team.stream().map(Technician::technicianId).toList();
            Interval blocked = new Interval(start, end).widen(mode == Mode.HOME ? properties.search().travelBuffer() : Duration.ZERO);
            appointments.expireDueOverlapping(ids, blocked, now).forEach(a -> announceExpiry(a, now));
        }
        List<String> result = new ArrayList<>();
        free.byTechnician().forEach((technicianId, ranges) -> {
            if (ranges.stream().anyMatch(r -> r.contains(start, end))) {
                result.add(technicianId);
            }
        });
        result.sort(null);
        return result;
    }

    /** 422 unless [start, end) is a time the slot search could offer (bookings aside). */
    private void checkStart(Instant start, Instant end, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        Duration horizon = properties.search().horizon();
        if (!start.isAfter(now)) {
            problems.add(new FieldProblem("start", "must be in the future"));
        } else if (start.isAfter(now.plus(horizon))) {
            problems.add(new FieldProblem("start", "must be within " + horizon.toDays() + " days"));
        }
        long step = properties.search().step().toSeconds();
        if (start.getNano() != 0 || start.getEpochSecond() % step != 0) {
            problems.add(new FieldProblem("start", "must be on the " + step / 60 + "-minute grid of the slot search"));
        }
        PlanningTime.Offsets paris = new PlanningTime.Offsets();
        if (paris.doubled(start.getEpochSecond()) || paris.doubled(end.getEpochSecond())) {
            problems.add(new FieldProblem("start", "falls in the hour the clocks repeat: no slot is offered then"));
        }
        if (!problems.isEmpty()) {
            throw new StartNotOfferedException(problems);
        }
    }

    /** 422 when nobody of the team works over [start, end) at all (closed, holiday, outside hours); otherwise the 409 is for busy time. */
    private void checkSomeoneWorks(List<Technician> team, Centre centre, Mode mode, Instant start, Instant end) {
        if (!freeTime.anyWorks(team, t -> mode == Mode.CENTRE ? centre : null, start, end)) {
            throw new StartNotOfferedException(List.of(new FieldProblem("start", "is outside the working hours of "
                    + centre.centreId() + " (" + mode + "): not a start the slot search offers")));
        }
    }

    private void announceExpiry(Appointment a, Instant now) {
        events.publishEvent(new HoldExpired(UUID.randomUUID(), a.appointmentId(), a.bookingReference(), a.centreId(),
                PlanningTime.paris(a.start()), PlanningTime.paris(a.end()), PlanningTime.paris(now)));
        outcomes.committed(AppointmentOutcomes.Outcome.EXPIRED);
    }

    private Appointment locked(UUID appointmentId) {
        return appointments.lock(appointmentId).orElseThrow(() -> new AppointmentNotFoundException(appointmentId));
    }

    private void validate(HoldCommand c) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.bookingReference() == null || c.bookingReference().isBlank()) {
            problems.add(new FieldProblem("bookingReference", "is required"));
        } else if (c.bookingReference().length() > MAX_REFERENCE_LENGTH) {
            problems.add(new FieldProblem("bookingReference", "is at most " + MAX_REFERENCE_LENGTH + " characters"));
        }
        if (c.jobType() == null) {
            problems.add(new FieldProblem("jobType", "is required"));
        }
        if (c.centreId() == null || c.centreId().isBlank()) {
            problems.add(new FieldProblem("centreId", "is required"));
        } else if (c.centreId().length() > MAX_ID_LENGTH) {
            problems.add(new FieldProblem("centreId", "is at most " + MAX_ID_LENGTH + " characters"));
        }
        if (c.mode() == null) {
            problems.add(new FieldProblem("mode", "is required"));
        } else if (c.mode() == Mode.HOME && !Postcode.isWellFormed(c.postcode())) {
            problems.add(new FieldProblem("postcode", "a home job needs a five-digit postcode"));
        }
        if (c.postcode() != null && !Postcode.isWellFormed(c.postcode()) && c.mode() != Mode.HOME) {
            problems.add(new FieldProblem("postcode", "must be five digits"));
        }
        if (c.start() == null) {
            problems.add(new FieldProblem("start", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAppointmentRequestException(problems);
        }
    }
}
