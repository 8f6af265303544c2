package io.glasslink.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.glasslink.link.LinkSimulator;
import io.glasslink.link.LinkSimulatorSettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the gateway's integration tests: one gateway context (shared by every subclass) in
 * front of three real downstream HTTP servers, with small limits so that tests reach them fast.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "ONPREM_RESPONSE_TIMEOUT_MS=2000",
        "GATEWAY_POOL_MAX_LIFE_TIME=1s",
        "MAX_REQUEST_SIZE=10KB",
        "PARTNER_FLEET_2_RATE_LIMIT=5",
        "glasslink.gateway.access.clients.partner-fleet-2.rate-limit.period=1m",
        "PARTNER_JWT_ISSUER=https://auth.partners.example",
        "resilience4j.circuitbreaker.instances.planning.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.planning.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.planning.wait-duration-in-open-state=2s",
        "resilience4j.circuitbreaker.instances.planning.permitted-number-of-calls-in-half-open-state=2",
        "logging.level.glasslink.access=warn",
        // spans go to the tests' own Zipkin intake (ZIPKIN), without waiting the exporter's 5 s batches
        "management.opentelemetry.tracing.export.schedule-delay=50ms",
        "LINK_POLL_INTERVAL=100ms"})
@Import(TestClockConfiguration.class)
public abstract class GatewayTestSupport {

    /** Dev API keys (their SHA-256 hashes are the defaults in application.yml). */
    protected static final String BOOKING_WEB_KEY = "dev-booking-web-key";
    protected static final String PARTNER_1_KEY = "dev-partner-key-1";
    protected static final String PARTNER_2_KEY = "dev-partner-key-2";

    /** Each with its own identity secret, given to the gateway. */
    protected static final Downstream SUPPLY_CHAIN = Downstream.start("supply-chain-service");
    protected static final Downstream PLANNING = Downstream.start("planning-service");
    protected static final Downstream BOOKING_WEB = Downstream.start("booking-web-service");
    /** Planning is reached through the real link simulator (Direct Connect profile), as in the platform. */
    protected static final LinkSimulator LINK = LinkSimulator.start(LinkSimulatorSettings.defaults()
            .withLink("planning", 0, "127.0.0.1", PLANNING.port()).withProfile("dx"));
    /** Receives the gateway's spans, as Zipkin would. */
    protected static final Zipkin ZIPKIN = Zipkin.start();
    /** The link's monitoring the gateway follows (the simulator's {@code GET /state}). */
    protected static final LinkMonitoring LINK_MONITORING = LinkMonitoring.serve(LINK::state);
    protected static final KeyPair PARTNER_AUTH_SERVER_KEYS = rsaKeyPair();
    private static final Path PARTNER_PUBLIC_KEY_FILE = writePublicKey(PARTNER_AUTH_SERVER_KEYS);

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("SUPPLY_CHAIN_URL", SUPPLY_CHAIN::url);
        registry.add("PLANNING_URL", () -> "http://127.0.0.1:" + LINK.listenPort("planning"));
        registry.add("LINK_CONTROL_URL", LINK_MONITORING::url);
        registry.add("ZIPKIN_ENDPOINT", ZIPKIN::endpoint);
        registry.add("BOOKING_WEB_URL", BOOKING_WEB::url);
        registry.add("PARTNER_JWT_PUBLIC_KEY_LOCATION", () -> PARTNER_PUBLIC_KEY_FILE.toUri().toString());
        for (Downstream downstream : new Downstream[] {SUPPLY_CHAIN, PLANNING, BOOKING_WEB}) {
            registry.add("glasslink.gateway.identity.secrets." + downstream.audience(), downstream::secret);
        }
    }

    /** A client of the running gateway. */
    protected WebTestClient gateway() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    /** A partner access token as the partners' authorization server would issue it, at the suite's date ({@code validFor} null: no {@code exp}). */
    protected static String partnerJwt(String subject, String issuer, Duration validFor, RSAPrivateKey signingKey) {
        Instant now = TestClockConfiguration.CLOCK.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                .issueTime(Date.from(now.minusSeconds(120)))
                .expirationTime(validFor == null ? null : Date.from(now.plus(validFor))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh RSA-2048 key pair (an authorization server's signing key in tests). */
    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey(KeyPair keys) {
        try {
            Path file = Files.createTempFile("partner-auth-server", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
