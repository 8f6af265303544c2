package io.glasslink.supplychain.holds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** Command: hold {@code quantity} of a part for a booking fitted at {@code centreId}, for {@code ttl}. */
public record PlaceHold(String bookingReference, String partNumber, int quantity, String centreId, Duration ttl) {

    /** A fingerprint of the request, to tell a retry from a different request under the same key. */
    public String fingerprint() {
        String canonical = String.join("\u0000", bookingReference, partNumber, Integer.toString(quantity), centreId,
                Long.toString(ttl.toSeconds()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
