package io.glasslink.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The rotation of a service's identity secret, checked against that service's own token decoder:
 * during a rotation tokens signed with the current or with the previous secret are accepted, a
 * stranger's are refused, and a token the current secret signed for another audience is refused
 * with the current secret's verdict (a claims error, not a signature error); afterwards the
 * previous secret is refused; a previous secret under 256 bits is refused at start-up.
 */
public final class IdentityRotationChecks {

    private IdentityRotationChecks() {
    }

    /**
     * @param audience         the service's audience
     * @param decoders         (current secret, previous secret or "", both base64) → a decoder
     *                         answering a token's audiences, throwing when it refuses the token
     * @param signatureRefused what the decoder throws for a bad signature
     * @param claimsRefused    what it throws for valid signature but wrong claims
     */
    public static void check(String audience, BiFunction<String, String, Function<String, List<String>>> decoders,
                             Class<? extends RuntimeException> signatureRefused, Class<? extends RuntimeException> claimsRefused) {
        check(audience, Clock.systemUTC(), decoders, signatureRefused, claimsRefused);
    }

    /**
     * The same checks with tokens issued by {@code clock}: a decoder that judges token times by a
     * pinned test clock is given tokens from that clock.
     */
    public static void check(String audience, Clock clock, BiFunction<String, String, Function<String, List<String>>> decoders,
                             Class<? extends RuntimeException> signatureRefused, Class<? extends RuntimeException> claimsRefused) {
        byte[] current = GatewayTokens.strangerKey();
        byte[] previous = GatewayTokens.strangerKey();
        Instant in60s = clock.instant().plusSeconds(60);

        Function<String, List<String>> rotating = decoders.apply(base64(current), base64(previous));
        expect(rotating.apply(token(current, audience, in60s)).contains(audience), "current secret accepted");
        expect(rotating.apply(token(previous, audience, in60s)).contains(audience), "previous secret accepted during the rotation");
        refused(rotating, token(GatewayTokens.strangerKey(), audience, in60s), signatureRefused, "a stranger's secret");
        refused(rotating, token(current, "another-service", in60s), claimsRefused, "another audience");

        Function<String, List<String>> rotated = decoders.apply(base64(current), "");
        expect(rotated.apply(token(current, audience, in60s)).contains(audience), "current secret accepted after the rotation");
        refused(rotated, token(previous, audience, in60s), signatureRefused, "the previous secret after the rotation");

        try {
            decoders.apply(base64(current), base64(new byte[16]));
            throw new AssertionError("a 128-bit previous secret was accepted");
        } catch (IllegalArgumentException expected) {
            expect(expected.getMessage().contains("previous-secret"), "the error names previous-secret: " + expected.getMessage());
        }
    }

    private static void refused(Function<String, List<String>> decoder, String token, Class<? extends RuntimeException> expected,
                                String what) {
        try {
            decoder.apply(token);
        } catch (RuntimeException e) {
            expect(expected.isInstance(e), what + ": refused with " + e.getClass().getName() + ", expected " + expected.getName());
            return;
        }
        throw new AssertionError(what + ": accepted");
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static String token(byte[] key, String audience, Instant expiresAt) {
        // issued a minute before it expires, whichever clock set expiresAt
        Clock issuedAt = Clock.fixed(expiresAt.minusSeconds(60), java.time.ZoneOffset.UTC);
        return GatewayTokens.sign(GatewayTokens.claims(issuedAt, GatewayTokens.ISSUER, audience, "booking-web-service", expiresAt).build(), key);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
