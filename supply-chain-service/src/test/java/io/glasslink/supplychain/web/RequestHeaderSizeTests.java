package io.glasslink.supplychain.web;

import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.RawHttp;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request as the gateway forwards it — up to 8 KB of its caller's headers plus its own identity token,
 * forwarded headers, traceparent and correlation id — is answered; headers past the 16 KB limit are refused
 * with a problem.
 */
@SupplyChainIntegrationTest
class RequestHeaderSizeTests extends ApiTestSupport {

    @Test
    void aRequestWithEightKilobytesOfCallerHeadersAndTheGatewaysOwnIsAnswered() {
        String headers = callerHeaders(8 * 1024) + gatewayHeaders();

        RawHttp.Answer makes = RawHttp.get(port, "/api/v1/vehicles/makes", headers);

        assertThat(headers.length()).isGreaterThan(9 * 1024);
        assertThat(makes.status()).as(makes.head()).isEqualTo(200);
        assertThat(makes.body()).contains("Renault");
    }

    @Test
    void headersOverSixteenKilobytesAreRefusedWith431AndAProblem() {
        String headers = callerHeaders(16 * 1024) + gatewayHeaders();

        RawHttp.Answer refused = RawHttp.get(port, "/api/v1/vehicles/makes", headers);

        assertThat(refused.status()).as(refused.head()).isEqualTo(431);
        refused.problem(431);
    }

    /** About {@code bytes} of header lines of 1 KB each, as a browser with large cookies might send. */
    private static String callerHeaders(int bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; out.length() < bytes; i++) {
            out.append("X-Caller-").append(i).append(": ").append("c".repeat(1000)).append("\r\n");
        }
        return out.toString();
    }

    private String gatewayHeaders() {
        return "X-Glasslink-Identity: " + api.token() + "\r\n"
                + "Forwarded: proto=https;host=\"glasslink.example\";for=203.0.113.7\r\n"
                + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: glasslink.example\r\nX-Forwarded-Port: 443\r\n"
                + "X-Forwarded-For: 203.0.113.7\r\n"
                + "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n"
                + "X-Correlation-Id: 6f1c2b7e-9a41-4c55-8a2e-3d0b9f1e7c21\r\n";
    }
}
