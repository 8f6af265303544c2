package io.glasslink.planning.appointments;

import java.util.List;
import java.util.Map;

import io.glasslink.planning.web.ProblemException;
import io.glasslink.planning.web.ProblemType;

/** Cancelling or rescheduling too close to the start without an override (answered 409 {@code notice-policy}, naming the policy). */
public class NoticePolicyViolationException extends ProblemException {

    private final String policy;

    /** For the policy that refused ({@code cancel-notice} or {@code reschedule-notice}). */
    public NoticePolicyViolationException(String policy, String detail) {
        super(ProblemType.NOTICE_POLICY, detail, List.of(), Map.of("policy", policy));
        this.policy = policy;
    }

    /** Name of the policy that refused. */
    public String policy() {
        return policy;
    }
}
