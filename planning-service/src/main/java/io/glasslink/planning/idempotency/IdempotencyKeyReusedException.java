package io.glasslink.planning.idempotency;

import io.glasslink.planning.web.ProblemException;
import io.glasslink.planning.web.ProblemType;

/** The idempotency key was already used with a different request (answered 422 {@code idempotency-key-reused}). */
public class IdempotencyKeyReusedException extends ProblemException {

    /** For the reused key. */
    public IdempotencyKeyReusedException(String key) {
        super(ProblemType.IDEMPOTENCY_KEY_REUSED, "idempotency key '" + key + "' was already used with a different request");
    }
}
