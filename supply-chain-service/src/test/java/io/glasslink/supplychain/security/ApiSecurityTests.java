package io.glasslink.supplychain.security;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import io.glasslink.supplychain.TestIdentity;
import io.glasslink.testsupport.GatewayTokens;
import io.glasslink.testsupport.IdentityChecks;
import io.glasslink.testsupport.NamedDates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only calls carrying a valid gateway identity token reach the API; the token's times are judged by
 * the service's clock, and it must carry {@code iat} and {@code exp} and live at most 60 s.
 */
@SupplyChainIntegrationTest
class ApiSecurityTests extends ApiTestSupport {

    static final String URI = "/api/v1/vehicles/makes";

    @Autowired
    JwtDecoder identityTokenDecoder;

    @Test
    void theServiceDecoderMakesEveryRefusalOfTheSharedCheck() {
        IdentityChecks.checkRefusals(TestIdentity.AUDIENCE, clock, identityTokenDecoder::decode);
    }

    @Test
    void tokenTimesAreJudgedByTheServiceClockOnAnyDate() {
        clock.set(NamedDates.NEW_YEARS_EVE.instant());
        String issuedOnNewYearsEve = TestIdentity.token(clock);

        Answer accepted = api.getWithToken(URI, issuedOnNewYearsEve);
        clock.advance(Duration.ofSeconds(66));
        Answer expiredAMinuteLater = api.getWithToken(URI, issuedOnNewYearsEve);

        assertThat(accepted.status()).isEqualTo(200);
        expiredAMinuteLater.problem(401);
    }

    @Test
    void missingExpiredForeignMisaddressedOrLongLivedTokensAreUnauthorizedProblems() {
        Map<String, String> tokens = Map.of(
                "expired", TestIdentity.token(clock, Duration.ofMinutes(-5)),
                "stranger", TestIdentity.tokenSignedByStranger(clock),
                "other audience", TestIdentity.token(clock, GatewayTokens.ISSUER, "planning-service", Duration.ofMinutes(1)),
                "other issuer", TestIdentity.token(clock, "someone-else", TestIdentity.AUDIENCE, Duration.ofMinutes(1)),
                "ten years", TestIdentity.token(clock, Duration.ofDays(3650)),
                "garbage", "not-a-jwt");

        api.getWithToken(URI, null).problem(401);
        tokens.forEach((what, token) -> {
            Answer a = api.getWithToken(URI, token);
            assertThat(a.status()).as(what).isEqualTo(401);
            assertThat(a.problem(401).path("instance").asString()).as(what).isEqualTo(URI);
        });
    }

    @Test
    void headerWithAControlCharacterIsRejectedByTheFirewallAsAProblem() throws Exception {
        // U+0085 (NEL, a control character) is an obs-text byte Tomcat lets through; the firewall must refuse it
        String refused = rawGet(URI, api.token() + "\u0085");
        String valid = rawGet(URI, api.token());

        assertThat(refused).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":400").contains("\"type\":\"https://glasslink.io/problems/invalid-request\"")
                .contains("\"instance\":\"" + URI + "\"");
        assertThat(valid).startsWith("HTTP/1.1 200");
    }

    private String rawGet(String uri, String token) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "X-Glasslink-Identity: " + token + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theOpenApiDescriptionNeedsNoToken() {
        assertThat(api.getWithToken("/v3/api-docs", null).status()).isEqualTo(200);
    }
}
