package io.glasslink.supplychain.holds;

/** An idempotency key came back with a different request than the one it first answered. */
public class IdempotencyKeyReusedException extends RuntimeException {

    /** For {@code key}. */
    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request");
    }
}
