package io.glasslink.gateway.access;

import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;

import io.glasslink.gateway.support.Downstream;
import io.glasslink.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static io.glasslink.gateway.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may call which route, and the identity the gateway passes downstream. */
class AccessTests extends GatewayTestSupport {

    private static final String ISSUER = "https://auth.partners.example";

    @BeforeEach
    void forget() {
        BOOKING_WEB.reset();
        SUPPLY_CHAIN.reset();
    }

    @Test
    void partnerApiWithoutCredentialsIsUnauthorizedProblem() {
        JsonNode problem = expectProblem(gateway().get().uri("/api/v1/availability").exchange()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE), 401, "unauthenticated");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/availability");
        assertThat(BOOKING_WEB.received()).isEmpty();
    }

    @Test
    void unknownApiKeyIsUnauthorized() {
        JsonNode problem = expectProblem(gateway().get().uri("/api/v1/availability").header("X-API-Key", "not-a-key")
                .exchange(), 401, "unauthenticated");
        assertThat(problem.get("detail").asString()).isEqualTo("The API key or bearer token is not valid");
    }

    @Test
    void partnerApiKeyReachesBookingWebWithSignedPartnerIdentity() {
        gateway().get().uri("/api/v1/availability?postcode=75011").header("X-API-Key", PARTNER_1_KEY)
                .header("X-Partner-Id", "someone-else").header("X-Glasslink-Identity", "forged")
                .exchange()
                .expectStatus().isOk();
        Downstream.Received received = BOOKING_WEB.last();
        assertThat(received.path()).isEqualTo("/api/v1/availability");
        assertThat(received.headers().containsKey("X-Partner-Id")).isFalse();
        assertThat(received.identity()).isNotNull();
        assertThat(received.identity().getSubject()).isEqualTo("partner-insurer-1");
        assertThat(received.identity().getClaim("partner_id")).isEqualTo("partner-insurer-1");
        assertThat(received.identity().getAudience()).containsExactly("booking-web-service");
        assertThat(Duration.between(received.identity().getIssueTime().toInstant(),
                received.identity().getExpirationTime().toInstant())).isEqualTo(Duration.ofSeconds(60));
        assertThat(received.identity().getJWTID()).isNotBlank();
    }

    @Test
    void partnerJwtFromTheConfiguredAuthorizationServerIsAccepted() {
        // partner-fleet-2's small test budget belongs to LimitsTests
        callWithBearer(partnerJwt("partner-insurer-1", ISSUER, Duration.ofMinutes(5),
                (RSAPrivateKey) PARTNER_AUTH_SERVER_KEYS.getPrivate()))
                .expectStatus().isOk();
        assertThat(BOOKING_WEB.last().identity().getClaim("partner_id")).isEqualTo("partner-insurer-1");
    }

    @Test
    void expiredPartnerJwtIsUnauthorized() {
        expectProblem(callWithBearer(partnerJwt("partner-insurer-1", ISSUER, Duration.ofMinutes(-1),
                (RSAPrivateKey) PARTNER_AUTH_SERVER_KEYS.getPrivate())), 401, "unauthenticated");
    }

    @Test
    void partnerJwtSignedByAnotherKeyIsUnauthorized() {
        callWithBearer(partnerJwt("partner-insurer-1", ISSUER, Duration.ofMinutes(5),
                (RSAPrivateKey) rsaKeyPair().getPrivate()))
                .expectStatus().isUnauthorized();
    }

    @Test
    void partnerJwtFromAnotherIssuerIsUnauthorized() {
        callWithBearer(partnerJwt("partner-insurer-1", "https://evil.example", Duration.ofMinutes(5),
                (RSAPrivateKey) PARTNER_AUTH_SERVER_KEYS.getPrivate()))
                .expectStatus().isUnauthorized();
    }

    @Test
    void partnerJwtForAnUnknownPartnerIsUnauthorized() {
        callWithBearer(partnerJwt("partner-unknown-9", ISSUER, Duration.ofMinutes(5),
                (RSAPrivateKey) PARTNER_AUTH_SERVER_KEYS.getPrivate()))
                .expectStatus().isUnauthorized();
    }

    @Test
    void partnerOnAnOnPremRouteIsForbidden() {
        expectProblem(gateway().get().uri("/onprem/supply-chain/api/v1/vehicles/makes").header("X-API-Key", PARTNER_1_KEY)
                .exchange(), 403, "forbidden");
        assertThat(SUPPLY_CHAIN.received()).isEmpty();
    }

    @Test
    void partnerJwtWithoutExpiryIsUnauthorized() {
        expectProblem(callWithBearer(partnerJwt("partner-insurer-1", ISSUER, null,
                (RSAPrivateKey) PARTNER_AUTH_SERVER_KEYS.getPrivate())), 401, "unauthenticated");
    }

    @Test
    void onPremRouteWithoutCredentialsIsUnauthorized() {
        gateway().get().uri("/onprem/supply-chain/api/v1/vehicles/makes").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void internalClientReachesOnPremServiceWithPrefixStrippedAndAnIdentityForThatService() {
        gateway().get().uri("/onprem/supply-chain/api/v1/vehicles/makes").header("X-API-Key", BOOKING_WEB_KEY).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/v1/vehicles/makes");
        Downstream.Received received = SUPPLY_CHAIN.last();
        assertThat(received.identity().getSubject()).isEqualTo("booking-web");
        assertThat(received.identity().getClaim("partner_id")).isNull();
        assertThat(received.identity().getAudience()).containsExactly("supply-chain-service");
    }

    @Test
    void onPremLikeServiceRefusesADirectCallThatBypassesTheGateway() {
        WebTestClient.bindToServer().baseUrl(SUPPLY_CHAIN.url()).build()
                .get().uri("/api/v1/vehicles/makes").header("X-Glasslink-Identity", "forged").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void publicWebPagesNeedNoCredentialsAndCarryAnAnonymousIdentity() {
        gateway().get().uri("/book/step-1").exchange().expectStatus().isOk();
        assertThat(BOOKING_WEB.last().identity().getSubject()).isEqualTo("anonymous");
        gateway().get().uri("/").exchange().expectStatus().isOk();
        assertThat(BOOKING_WEB.last().path()).isEqualTo("/");
    }

    @Test
    void aPartnersApiKeyIsNotPassedOnToTheServiceOnlyTheIdentityToken() {
        gateway().get().uri("/api/v1/availability?postcode=75011").header("X-API-Key", PARTNER_1_KEY).exchange()
                .expectStatus().isOk();
        Downstream.Received received = BOOKING_WEB.last();
        assertThat(received.headers().containsKey("X-API-Key")).isFalse();
        assertThat(received.headers().containsKey("Authorization")).isFalse();
        assertThat(received.identity().getClaim("partner_id")).isEqualTo("partner-insurer-1");
    }

    @Test
    void aPartnersBearerTokenIsNotPassedOnToTheServiceOnlyTheIdentityToken() {
        callWithBearer(partnerJwt("partner-insurer-1", ISSUER, Duration.ofMinutes(5),
                (RSAPrivateKey) PARTNER_AUTH_SERVER_KEYS.getPrivate()))
                .expectStatus().isOk();
        Downstream.Received received = BOOKING_WEB.last();
        assertThat(received.headers().containsKey("Authorization")).isFalse();
        assertThat(received.identity().getClaim("partner_id")).isEqualTo("partner-insurer-1");
    }

    @Test
    void anInternalClientsKeyIsNotPassedOnToTheOnPremService() {
        gateway().get().uri("/onprem/supply-chain/api/v1/vehicles/makes").header("X-API-Key", BOOKING_WEB_KEY).exchange()
                .expectStatus().isOk();
        assertThat(SUPPLY_CHAIN.last().headers().containsKey("X-API-Key")).isFalse();
        assertThat(SUPPLY_CHAIN.last().identity().getSubject()).isEqualTo("booking-web");
    }

    @Test
    void credentialsSentToAPublicPageAreNotPassedOnEither() {
        gateway().get().uri("/book/step-1").header("X-API-Key", PARTNER_1_KEY)
                .headers(h -> h.setBasicAuth("someone", "secret")).exchange().expectStatus().isOk();
        assertThat(BOOKING_WEB.last().headers().containsKey("X-API-Key")).isFalse();
        assertThat(BOOKING_WEB.last().headers().containsKey("Authorization")).isFalse();
    }

    private WebTestClient.ResponseSpec callWithBearer(String token) {
        return gateway().get().uri("/api/v1/bookings/GL-1").headers(h -> h.setBearerAuth(token)).exchange();
    }

    @Test
    void unknownRouteIsNotFoundProblem() {
        JsonNode problem = expectProblem(gateway().get().uri("/no/such/route").header("X-API-Key", PARTNER_1_KEY).exchange(),
                404, "not-found");
        assertThat(problem.get("instance").asString()).isEqualTo("/no/such/route");
    }

    @Test
    void fallbackPathIsNotReachableFromOutside() {
        expectProblem(gateway().get().uri("/fallback/planning").exchange(), 404, "not-found");
    }
}
