package io.glasslink.planning.idempotency;

/** The idempotency key was already used with a different request (answered 422 {@code idempotency-key-reused}). */
public class IdempotencyKeyReusedException extends RuntimeException {

    /** For the reused key. */
    public IdempotencyKeyReusedException(String key) {
        super("idempotency key '" + key + "' was already used with a different request");
    }
}
