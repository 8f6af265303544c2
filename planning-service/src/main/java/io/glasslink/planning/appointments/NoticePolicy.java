package io.glasslink.planning.appointments;

import java.time.Duration;
import java.time.Instant;

import io.glasslink.planning.PlanningProperties;

/**
 * A confirmed appointment may not be cancelled or rescheduled less than the configured notice
 * before it starts, unless an override reason is given (and overrides are allowed).
 */
public record NoticePolicy(Duration cancelNotice, Duration rescheduleNotice, boolean overrideAllowed) {

    /** The policy configured under {@code glasslink.planning.notice}. */
    public static NoticePolicy of(PlanningProperties.Notice notice) {
        return new NoticePolicy(notice.cancel(), notice.reschedule(), notice.overrideAllowed());
    }

    /** Refuses a cancellation of an appointment starting at {@code start} when the notice is too short. */
    public void checkCancel(Instant start, Instant now, String overrideReason) {
        check("cancel-notice", "cancelled", cancelNotice, start, now, overrideReason);
    }

    /** Refuses a rescheduling of an appointment starting at {@code start} when the notice is too short. */
    public void checkReschedule(Instant start, Instant now, String overrideReason) {
        check("reschedule-notice", "rescheduled", rescheduleNotice, start, now, overrideReason);
    }

    private void check(String name, String verb, Duration notice, Instant start, Instant now, String overrideReason) {
        if (!now.plus(notice).isAfter(start)) {
            return;
        }
        if (overrideAllowed && overrideReason != null && !overrideReason.isBlank()) {
            return;
        }
        throw new NoticePolicyViolationException(name, "a confirmed appointment cannot be " + verb + " less than "
                + notice.toHours() + " h before its start" + (overrideAllowed ? " without an overrideReason" : ""));
    }
}
