package io.glasslink.planning.appointments.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.planning.appointments.AppointmentService;
import io.glasslink.planning.appointments.HoldCommand;
import io.glasslink.planning.appointments.InvalidAppointmentRequestException;
import io.glasslink.planning.idempotency.IdempotentWrites;
import io.glasslink.planning.idempotency.TransientConflicts;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
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
@Tag(name = "Appointments")
@RequestMapping(path = "/api/v1/appointments", produces = MediaType.APPLICATION_JSON_VALUE)
class AppointmentController {

    private static final String KEY = "Idempotency-Key";
    private static final String IDEMPOTENCY = "At most 128 characters; defaults to the bookingReference. The same key with "
            + "the same body answers the stored response; with another body 422 idempotency-key-reused.";
    private static final String IDEMPOTENCY_OPTIONAL = "At most 128 characters. With a key, a repeat with the same body answers "
            + "the stored response and another body is 422 idempotency-key-reused.";
    private static final int MAX_KEY_LENGTH = 128;
    private static final int MAX_REASON_LENGTH = 500;

    private final AppointmentService appointments;
    private final IdempotentWrites idempotent;

    AppointmentController(AppointmentService appointments, IdempotentWrites idempotent) {
        this.appointments = appointments;
        this.idempotent = idempotent;
    }

    /** Body of a hold. */
    record HoldRequest(@Schema(requiredMode = REQUIRED, maxLength = 64, description = "the booking this hold is for")
                       String bookingReference,
                       @Schema(requiredMode = REQUIRED) JobType jobType,
                       @Schema(description = "ADAS camera calibration (windscreens only, +45 min); default false") Boolean calibration,
                       @Schema(requiredMode = REQUIRED, maxLength = 16, example = "C001") String centreId,
                       @Schema(requiredMode = REQUIRED) Mode mode,
                       @Schema(pattern = "^[0-9]{5}$", description = "required for a HOME job: the postcode the van goes to")
                       String postcode,
                       @Schema(requiredMode = REQUIRED, description = "a start the slot search offers (on its 15-minute grid)")
                       OffsetDateTime start) {
    }

    /** Body of a cancellation (both optional). */
    record CancelRequest(@Schema(maxLength = 500) String reason,
                         @Schema(maxLength = 500, description = "lets a confirmed appointment go within the notice")
                         String overrideReason) {
    }

    /** Body of a rescheduling. */
    record RescheduleRequest(@Schema(requiredMode = REQUIRED, description = "a start the slot search offers") OffsetDateTime start,
                             @Schema(maxLength = 500, description = "lets a confirmed appointment move within the notice")
                             String overrideReason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "holdSlot", summary = "Hold a slot",
            description = "Holds the start for a free technician of the centre (in the centre or, with a van, at the home "
                    + "postcode) until expiresAt (10 minutes). The start must be one the slot search offers.")
    @ApiResponse(responseCode = "201", description = "Held; Location names the appointment.")
    ResponseEntity<AppointmentResponse> hold(@RequestBody HoldRequest body,
                                             @Parameter(description = IDEMPOTENCY) @RequestHeader(name = KEY, required = false)
                                             String key) {
        String given = key(key);
        String idempotencyKey = given != null ? given : body.bookingReference();
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new InvalidAppointmentRequestException("bookingReference", "is required");
        }
        AppointmentResponse response = idempotent.execute("hold", idempotencyKey, body, AppointmentResponse.class,
                () -> AppointmentResponse.of(appointments.hold(new HoldCommand(body.bookingReference(), body.jobType(),
                        Boolean.TRUE.equals(body.calibration()), body.centreId(), body.mode(), body.postcode(), body.start()))));
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + response.appointmentId())).body(response);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAppointment", summary = "Read an appointment")
    AppointmentResponse get(@PathVariable UUID id) {
        return AppointmentResponse.of(appointments.get(id));
    }

    @PostMapping("/{id}/confirm")
    @Operation(operationId = "confirmAppointment", summary = "Confirm a hold",
            description = "A live hold becomes CONFIRMED; confirming again answers the same; an expired or cancelled one is 409.")
    AppointmentResponse confirm(@PathVariable UUID id) {
        return AppointmentResponse.of(TransientConflicts.retry(() -> appointments.confirm(id)));
    }

    @PostMapping(path = "/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "cancelAppointment", summary = "Cancel an appointment",
            description = "A hold at any time; a confirmed appointment at least 24 h before its start, or with an "
                    + "overrideReason (409 notice-policy otherwise). Cancelling again answers the same.")
    AppointmentResponse cancel(@PathVariable UUID id, @RequestBody(required = false) CancelRequest body,
                               @Parameter(description = IDEMPOTENCY_OPTIONAL) @RequestHeader(name = KEY, required = false)
                               String key) {
        CancelRequest request = body == null ? new CancelRequest(null, null) : body;
        checkLength("reason", request.reason());
        checkLength("overrideReason", request.overrideReason());
        key = key(key);
        if (key == null) {
            return AppointmentResponse.of(TransientConflicts.retry(
                    () -> appointments.cancel(id, request.reason(), request.overrideReason())));
        }
        return idempotent.execute("cancel:" + id, key, request, AppointmentResponse.class,
                () -> AppointmentResponse.of(appointments.cancel(id, request.reason(), request.overrideReason())));
    }

    @PostMapping(path = "/{id}/reschedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "rescheduleAppointment", summary = "Move an appointment",
            description = "In one transaction: the new start is taken (same technician first) before the old one is "
                    + "released; if no technician is free it stays where it was (409). The notice policy applies as for a cancel.")
    AppointmentResponse reschedule(@PathVariable UUID id, @RequestBody RescheduleRequest body,
                                   @Parameter(description = IDEMPOTENCY_OPTIONAL) @RequestHeader(name = KEY, required = false)
                                   String key) {
        if (body.start() == null) {
            throw new InvalidAppointmentRequestException("start", "is required");
        }
        checkLength("overrideReason", body.overrideReason());
        key = key(key);
        if (key == null) {
            return AppointmentResponse.of(TransientConflicts.retry(
                    () -> appointments.reschedule(id, body.start().toInstant(), body.overrideReason())));
        }
        return idempotent.execute("reschedule:" + id, key, body, AppointmentResponse.class,
                () -> AppointmentResponse.of(appointments.reschedule(id, body.start().toInstant(), body.overrideReason())));
    }

    /** The Idempotency-Key header, trimmed (null when absent or blank); 400 when it is too long. */
    private static String key(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String key = header.strip();
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidAppointmentRequestException(KEY, "is at most " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    private static void checkLength(String field, String value) {
        if (value != null && value.length() > MAX_REASON_LENGTH) {
            throw new InvalidAppointmentRequestException(field, "is at most " + MAX_REASON_LENGTH + " characters");
        }
    }
}
