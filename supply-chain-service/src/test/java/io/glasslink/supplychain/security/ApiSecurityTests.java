package io.glasslink.supplychain.security;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.glasslink.supplychain.Api;
import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import io.glasslink.supplychain.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Only calls carrying a valid gateway identity token reach the API. */
@SupplyChainIntegrationTest
class ApiSecurityTests {

    static final String URI = "/api/v1/vehicles/makes";

    @LocalServerPort
    int port;

    @Test
    void validIdentityTokenIsAccepted() {
        assertThat(new Api(port).getWithToken(URI, TestIdentity.token()).status()).isEqualTo(200);
    }

    @Test
    void missingExpiredForeignOrMisaddressedTokensAreUnauthorizedProblems() {
        Api api = new Api(port);

        Answer none = api.getWithToken(URI, null);
        Answer expired = api.getWithToken(URI, TestIdentity.token(Duration.ofMinutes(-5)));
        Answer stranger = api.getWithToken(URI, TestIdentity.tokenSignedByStranger());
        Answer otherAudience = api.getWithToken(URI, TestIdentity.token("glasslink-gateway", "planning-service",
                Duration.ofMinutes(1)));
        Answer otherIssuer = api.getWithToken(URI, TestIdentity.token("someone-else", "supply-chain-service",
                Duration.ofMinutes(1)));
        Answer garbage = api.getWithToken(URI, "not-a-jwt");

        for (Answer a : new Answer[] {none, expired, stranger, otherAudience, otherIssuer, garbage}) {
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.contentType().toString()).startsWith("application/problem+json");
            assertThat(a.text("/instance")).isEqualTo(URI);
        }
    }

    @Test
    void tokenHeaderWithAControlCharacterIsRejectedByTheFirewallAsAProblem() throws Exception {
        // U+0085 (NEL, a control character) is an obs-text byte Tomcat lets through; the firewall must refuse it
        String raw = rawGet(URI, TestIdentity.token() + "\u0085");
        String valid = rawGet(URI, TestIdentity.token());

        assertThat(raw).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":400").contains("\"instance\":\"" + URI + "\"");
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
    void healthStaysOpenWithoutAToken() {
        assertThat(new Api(port).getWithToken("/actuator/health", null).status()).isEqualTo(200);
    }
}
