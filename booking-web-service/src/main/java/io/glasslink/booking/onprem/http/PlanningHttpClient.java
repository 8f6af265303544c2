package io.glasslink.booking.onprem.http;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.diagnosis.Mode;
import io.glasslink.booking.onprem.Planning;

/** planning-service over HTTP, as documented in docs/contracts.md. */
class PlanningHttpClient implements Planning {

    private final GatewayCalls calls;
    private final int stepMinutes;

    PlanningHttpClient(GatewayCalls calls, int stepMinutes) {
        this.calls = calls;
        this.stepMinutes = stepMinutes;
    }

    @Override
    public List<CentreSlots> search(SlotSearch search) {
        Map<String, Object> body = new HashMap<>();
        body.put("jobType", search.jobType().name());
        body.put("calibration", search.calibration());
        if (search.postcode() != null) {
            body.put("postcode", search.postcode());
        } else {
            body.put("centreIds", search.centreIds());
        }
        body.put("from", search.from().toString());
        body.put("to", search.to().toString());
        body.put("minNoticeMinutes", search.minNoticeMinutes());
        body.put("stepMinutes", stepMinutes);
        if (search.notBefore() != null) {
            body.put("notBefore", search.notBefore().toString());
        }
        if (search.limit() != null) {
            body.put("limit", search.limit());
        }
        SearchAnswer answer = calls.call("slot search", () -> calls.http().post().uri("/slots/search")
                .body(body).retrieve().body(SearchAnswer.class));
        return answer == null || answer.results() == null ? List.of() : answer.results();
    }

    @Override
    public Appointment hold(String bookingReference, JobType jobType, boolean calibration, String centreId,
                            Mode mode, String postcode, OffsetDateTime start) {
        Map<String, Object> body = new HashMap<>();
        body.put("bookingReference", bookingReference);
        body.put("jobType", jobType.name());
        body.put("calibration", calibration);
        body.put("centreId", centreId);
        body.put("mode", mode.name());
        if (postcode != null) {
            body.put("postcode", postcode);
        }
        body.put("start", start.toString());
        return calls.call("slot hold", () -> calls.http().post().uri("/appointments")
                .header("Idempotency-Key", bookingReference)
                .body(body).retrieve().body(Appointment.class));
    }

    @Override
    public void confirm(String appointmentId) {
        calls.run("appointment confirm", () -> calls.http().post().uri("/appointments/{id}/confirm", appointmentId)
                .retrieve().toBodilessEntity());
    }

    @Override
    public void cancel(String appointmentId, String reason, String overrideReason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        if (overrideReason != null) {
            body.put("overrideReason", overrideReason);
        }
        calls.run("appointment cancel", () -> calls.http().post().uri("/appointments/{id}/cancel", appointmentId)
                .body(body).retrieve().toBodilessEntity());
    }

    @Override
    public Appointment reschedule(String appointmentId, OffsetDateTime start, String overrideReason) {
        Map<String, Object> body = new HashMap<>();
        body.put("start", start.toString());
        if (overrideReason != null) {
            body.put("overrideReason", overrideReason);
        }
        return calls.call("appointment reschedule", () -> calls.http().post()
                .uri("/appointments/{id}/reschedule", appointmentId)
                .body(body).retrieve().body(Appointment.class));
    }

    private record SearchAnswer(String zone, Integer jobDurationMinutes, List<CentreSlots> results) {
    }
}
