package io.glasslink.planning.appointments;

/** Cancelling or rescheduling too close to the start without an override (answered 409 {@code notice-policy}, naming the policy). */
public class NoticePolicyViolationException extends RuntimeException {

    private final String policy;

    /** For the policy that refused ({@code cancel-notice} or {@code reschedule-notice}). */
    public NoticePolicyViolationException(String policy, String detail) {
        super(detail);
        this.policy = policy;
    }

    /** Name of the policy that refused. */
    public String policy() {
        return policy;
    }
}
