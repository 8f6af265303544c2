package io.glasslink.booking.api;

/** A request field is invalid in a way bean validation cannot express (depends on another field). */
class FieldErrorException extends RuntimeException {

    private final String field;

    FieldErrorException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
