package io.glasslink.planning.appointments.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.glasslink.planning.InvalidRequestException;
import io.glasslink.planning.InvalidRequestException.FieldProblem;
import io.glasslink.planning.appointments.AppointmentService;
import io.glasslink.planning.appointments.HoldCommand;
import io.glasslink.planning.idempotency.IdempotentWrites;
import io.glasslink.planning.idempotency.TransientConflicts;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Holds, confirms, cancels and reschedules appointments; every write is idempotent. */
@RestController
@RequestMapping("/api/v1/appointments")
class AppointmentController {

    private static final String KEY = "Idempotency-Key";

    private final AppointmentService appointments;
    private final IdempotentWrites idempotent;

    AppointmentController(AppointmentService appointments, IdempotentWrites idempotent) {
        this.appointments = appointments;
        this.idempotent = idempotent;
    }

    /** Body of a hold. */
    record HoldRequest(String bookingReference, JobType jobType, Boolean calibration, String centreId, Mode mode,
                       String postcode, OffsetDateTime start) {
    }

    /** Body of a cancellation (both optional). */
    record CancelRequest(String reason, String overrideReason) {
    }

    /** Body of a rescheduling. */
    record RescheduleRequest(OffsetDateTime start, String overrideReason) {
    }

    @PostMapping
    ResponseEntity<AppointmentResponse> hold(@RequestBody HoldRequest body,
                                             @RequestHeader(name = KEY, required = false) String key) {
        String idempotencyKey = key != null && !key.isBlank() ? key : body.bookingReference();
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new InvalidRequestException(List.of(new FieldProblem("bookingReference", "is required")));
        }
        AppointmentResponse response = idempotent.execute("hold", idempotencyKey, body, AppointmentResponse.class,
                () -> AppointmentResponse.of(appointments.hold(new HoldCommand(body.bookingReference(), body.jobType(),
                        Boolean.TRUE.equals(body.calibration()), body.centreId(), body.mode(), body.postcode(), body.start()))));
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + response.appointmentId())).body(response);
    }

    @GetMapping("/{id}")
    AppointmentResponse get(@PathVariable UUID id) {
        return AppointmentResponse.of(appointments.get(id));
    }

    @PostMapping("/{id}/confirm")
    AppointmentResponse confirm(@PathVariable UUID id) {
        return AppointmentResponse.of(TransientConflicts.retry(() -> appointments.confirm(id)));
    }

    @PostMapping("/{id}/cancel")
    AppointmentResponse cancel(@PathVariable UUID id, @RequestBody(required = false) CancelRequest body,
                               @RequestHeader(name = KEY, required = false) String key) {
        CancelRequest request = body == null ? new CancelRequest(null, null) : body;
        if (key == null || key.isBlank()) {
            return AppointmentResponse.of(TransientConflicts.retry(
                    () -> appointments.cancel(id, request.reason(), request.overrideReason())));
        }
        return idempotent.execute("cancel:" + id, key, request, AppointmentResponse.class,
                () -> AppointmentResponse.of(appointments.cancel(id, request.reason(), request.overrideReason())));
    }

    @PostMapping("/{id}/reschedule")
    AppointmentResponse reschedule(@PathVariable UUID id, @RequestBody RescheduleRequest body,
                                   @RequestHeader(name = KEY, required = false) String key) {
        if (body.start() == null) {
            throw new InvalidRequestException(List.of(new FieldProblem("start", "is required")));
        }
        if (key == null || key.isBlank()) {
            return AppointmentResponse.of(TransientConflicts.retry(
                    () -> appointments.reschedule(id, body.start().toInstant(), body.overrideReason())));
        }
        return idempotent.execute("reschedule:" + id, key, body, AppointmentResponse.class,
                () -> AppointmentResponse.of(appointments.reschedule(id, body.start().toInstant(), body.overrideReason())));
    }
}
