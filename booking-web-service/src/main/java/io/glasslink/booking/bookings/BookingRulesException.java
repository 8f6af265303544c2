package io.glasslink.booking.bookings;

import java.util.List;

/** A well-formed booking request that breaks business rules; nothing was written. */
public class BookingRulesException extends RuntimeException {

    private final transient List<Violation> violations;

    public BookingRulesException(List<Violation> violations) {
        super("the booking breaks " + violations.size() + " rule(s): " + violations);
        this.violations = List.copyOf(violations);
    }

    /** Each broken rule, named by the request field it is about. */
    public List<Violation> violations() {
        return violations;
    }

    /** A broken rule: the field (dotted path of the partner API's request) and why. */
    public record Violation(String field, String message) {
    }
}
