package io.glasslink.gateway.access;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.glasslink.gateway.GatewayApplication;
import io.glasslink.gateway.support.Downstream;
import io.glasslink.gateway.support.GatewayTestSupport;
import io.glasslink.gateway.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner bearer tokens checked against the authorization server's JWK set URI
 * ({@code PARTNER_JWT_JWK_SET_URI}), served by a real HTTP server: the key is picked by {@code kid},
 * a key added at the authorization server (rotation) is picked up without restarting the gateway,
 * and tokens signed by a key that is not in the set, or naming an unknown {@code kid}, get 401. The
 * fetch goes through the auto-configured, observed WebClient: it continues the request's trace.
 */
class PartnerJwkSetTests {

    private static final String ISSUER = "https://auth.partners.example";
    private static final KeyPair FIRST = GatewayTestSupport.rsaKeyPair();
    private static final KeyPair SECOND = GatewayTestSupport.rsaKeyPair();
    private static final AtomicReference<JWKSet> PUBLISHED = new AtomicReference<>(set(key(FIRST, "k1")));
    private static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    private static final List<String> JWKS_TRACEPARENTS = new CopyOnWriteArrayList<>();
    private static HttpServer authorizationServer;
    private static Downstream bookingWeb;
    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void start() throws IOException {
        authorizationServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        authorizationServer.createContext("/.well-known/jwks.json", exchange -> {
            JWKS_FETCHES.incrementAndGet();
            JWKS_TRACEPARENTS.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            byte[] body = PUBLISHED.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        authorizationServer.start();
        bookingWeb = Downstream.start("booking-web-service");
        gateway = new SpringApplicationBuilder(GatewayApplication.class, TestClockConfiguration.class).run(
                "--server.port=0",
                "--BOOKING_WEB_URL=" + bookingWeb.url(),
                "--glasslink.gateway.identity.secrets.booking-web-service=" + bookingWeb.secret(),
                "--PARTNER_JWT_JWK_SET_URI=http://127.0.0.1:" + authorizationServer.getAddress().getPort()
                        + "/.well-known/jwks.json",
                "--PARTNER_JWT_ISSUER=" + ISSUER,
                "--logging.level.glasslink.access=warn",
                "--TRACING_EXPORT_ENABLED=false", // no Zipkin (spans are still made and propagated) and no link monitoring
                "--LINK_CONTROL_URL=");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (bookingWeb != null) {
            bookingWeb.close();
        }
        if (authorizationServer != null) {
            authorizationServer.stop(0);
        }
    }

    @Test
    void aTokenSignedWithAPublishedKeyIsAcceptedAndARotatedInKeyIsPickedUp() {
        call(token(FIRST, "k1")).expectStatus().isOk();
        assertThat(bookingWeb.last().identity().getClaim("partner_id")).isEqualTo("partner-insurer-1");
        assertThat(JWKS_FETCHES.get()).isPositive();

        call(token(SECOND, "k2")).expectStatus().isUnauthorized(); // not published yet
        PUBLISHED.set(set(key(FIRST, "k1"), key(SECOND, "k2")));
        call(token(SECOND, "k2")).expectStatus().isOk();
        call(token(FIRST, "k1")).expectStatus().isOk();
    }

    @Test
    void aJwkSetFetchedForARequestIsPartOfItsTraceWithTheZipkinExporterOff() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        int fetches = JWKS_TRACEPARENTS.size();
        // an unknown kid makes the gateway fetch the set again, within this request
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port()).responseTimeout(Duration.ofSeconds(20)).build()
                .get().uri("/api/v1/bookings").header("Authorization", "Bearer " + token(FIRST, "k-unknown"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").exchange()
                .expectStatus().isUnauthorized();
        assertThat(JWKS_TRACEPARENTS.subList(fetches, JWKS_TRACEPARENTS.size()))
                .anySatisfy(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
    }

    @Test
    void aTokenSignedWithAKeyOutsideTheSetOrAnUnknownKidIsUnauthorized() {
        call(token(GatewayTestSupport.rsaKeyPair(), "k1")).expectStatus().isUnauthorized();
        call(token(GatewayTestSupport.rsaKeyPair(), "k9")).expectStatus().isUnauthorized();
    }

    private static int port() {
        return ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }

    private static WebTestClient.ResponseSpec call(String bearer) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port()).responseTimeout(Duration.ofSeconds(20)).build()
                .get().uri("/api/v1/bookings").header("Authorization", "Bearer " + bearer).exchange();
    }

    private static String token(KeyPair keys, String kid) {
        Instant now = TestClockConfiguration.CLOCK.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("partner-insurer-1").issuer(ISSUER)
                .issueTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plusSeconds(300))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(KeyPair keys, String kid) {
        return new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID(kid).algorithm(JWSAlgorithm.RS256).build();
    }

    private static JWKSet set(RSAKey... keys) {
        return new JWKSet(List.of(keys));
    }
}
