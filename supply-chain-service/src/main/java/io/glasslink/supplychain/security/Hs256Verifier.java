package io.glasslink.supplychain.security;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.util.Base64URL;

/**
 * Checks HS256 signatures with one {@link Mac} per request thread and per accepted secret,
 * initialised once: Nimbus' own {@code MACVerifier} looks the JCA provider up and creates and keys
 * a new {@code Mac} for every token (≈ 2 % of a request's CPU). Same checks as Nimbus: HS256 only,
 * no unknown critical header, constant-time comparison. Nothing is cached per token.
 */
final class Hs256Verifier implements JWSVerifierFactory {

    private static final Set<JWSAlgorithm> HS256 = Set.of(JWSAlgorithm.HS256);

    private final List<Keyed> verifiers;
    private final JCAContext jca = new JCAContext();

    /** A verifier for each of {@code secrets} (the key selector offers only these). */
    Hs256Verifier(List<SecretKey> secrets) {
        this.verifiers = secrets.stream().map(Keyed::new).toList();
    }

    @Override
    public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
        for (Keyed verifier : verifiers) {
            if (verifier.secret == key || (key instanceof SecretKey other
                    && MessageDigest.isEqual(other.getEncoded(), verifier.secret.getEncoded()))) {
                return verifier;
            }
        }
        throw new JOSEException("unexpected verification key");
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return HS256;
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }

    /** The verifier of one secret. */
    private static final class Keyed implements JWSVerifier {

        private final SecretKey secret;
        private final ThreadLocal<Mac> macs;
        private final CriticalHeaderParamsDeferral critical = new CriticalHeaderParamsDeferral();
        private final JCAContext jca = new JCAContext();

        Keyed(SecretKey secret) {
            this.secret = secret;
            this.macs = ThreadLocal.withInitial(() -> {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(secret);
                    return mac;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HmacSHA256 is not available", e);
                }
            });
            macs.get(); // fail at start-up, not on the first request
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || !critical.headerPasses(header)) {
                return false;
            }
            byte[] expected = macs.get().doFinal(signingInput); // doFinal resets the Mac for the next token
            return MessageDigest.isEqual(expected, signature.decode());
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return HS256;
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }
}
