package io.glasslink.supplychain.security;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
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
 * Checks HS256 signatures with one {@link Mac} per request thread, initialised once with this
 * service's secret: Nimbus' own {@code MACVerifier} looks the JCA provider up and creates and keys
 * a new {@code Mac} for every token (≈ 2 % of a request's CPU). Same checks as Nimbus: HS256 only,
 * no unknown critical header, constant-time comparison. Nothing is cached per token.
 */
final class Hs256Verifier implements JWSVerifier, JWSVerifierFactory {

    private static final Set<JWSAlgorithm> HS256 = Set.of(JWSAlgorithm.HS256);

    private final SecretKey secret;
    private final ThreadLocal<Mac> macs;
    private final CriticalHeaderParamsDeferral critical = new CriticalHeaderParamsDeferral();
    private final JCAContext jca = new JCAContext();

    Hs256Verifier(SecretKey secret) {
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
    public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
        // the key selector only ever offers this service's own secret
        if (key != secret && !(key instanceof SecretKey other && MessageDigest.isEqual(other.getEncoded(), secret.getEncoded()))) {
            throw new JOSEException("unexpected verification key");
        }
        return this;
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
