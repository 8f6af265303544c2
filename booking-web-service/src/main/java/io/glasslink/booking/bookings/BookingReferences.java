package io.glasslink.booking.bookings;

import java.security.SecureRandom;

/** Booking references customers can read out on the phone: {@code GL-} and 8 Crockford base-32 characters. */
public final class BookingReferences {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingReferences() {
    }

    /** A new random reference. */
    public static String next() {
        StringBuilder ref = new StringBuilder("GL-");
        for (int i = 0; i < 8; i++) {
            ref.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return ref.toString();
    }
}
