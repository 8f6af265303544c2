package io.glasslink.gateway.problems;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.glasslink.gateway.support.GatewayTestSupport;
import io.glasslink.testsupport.ProblemChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static io.glasslink.gateway.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the gateway answers itself is problem+json with a type listed in docs/contracts.md,
 * the framework's (405, 406) and Reactor Netty's (431, 414, 400 before any handler) included.
 */
class EdgeProblemsTests extends GatewayTestSupport {

    @BeforeEach
    void forget() {
        BOOKING_WEB.reset();
    }

    @Test
    void anUnknownRouteIsANotFoundProblemNamingThePath() {
        JsonNode problem = expectProblem(gateway().get().uri("/no/such/route").exchange(), 404, "not-found");
        assertThat(problem.get("instance").asString()).isEqualTo("/no/such/route");
    }

    @Test
    void aMethodTheActuatorDoesNotTakeIsAMethodNotAllowedProblemWithAllow() {
        expectProblem(gateway().method(HttpMethod.DELETE).uri("/actuator/health").exchange()
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "GET"), 405, "method-not-allowed");
    }

    @Test
    void anAcceptTheActuatorCannotAnswerIsANotAcceptableProblem() {
        expectProblem(gateway().get().uri("/actuator/health").accept(MediaType.APPLICATION_XML).exchange(),
                406, "not-acceptable");
    }

    @Test
    void aBodyWithAWildcardOrMalformedContentTypeIsAnUnsupportedMediaTypeProblemAndNeverForwarded() throws IOException {
        for (String contentType : new String[] {"*/*", "application/*"}) {
            expectProblem(gateway().post().uri("/api/v1/bookings").header("X-API-Key", PARTNER_1_KEY)
                    .header(HttpHeaders.CONTENT_TYPE, contentType).bodyValue("{\"consent\":true}").exchange(),
                    415, "unsupported-media-type");
        }
        // a value HTTP client libraries refuse to send
        RawAnswer malformed = raw("POST /api/v1/bookings HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + PARTNER_1_KEY
                + "\r\nContent-Type: not a media type\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(ProblemChecks.check(malformed.status(), malformed.header("content-type"), malformed.body())
                .get("type").asString()).endsWith("/unsupported-media-type");
        assertThat(BOOKING_WEB.received()).isEmpty();
    }

    @Test
    void aBodyWithAConcreteContentTypeGoesToTheServiceWhichJudgesIt() {
        gateway().post().uri("/api/v1/bookings").header("X-API-Key", PARTNER_1_KEY)
                .contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
                .expectStatus().isOk();
        assertThat(BOOKING_WEB.callsTo("/api/v1/bookings")).isEqualTo(1);
    }

    @Test
    void headersOverTheLimitAreAHeadersTooLargeProblemFromNettyItself() throws IOException {
        // Reactor Netty refuses them before any WebFlux handler; the gateway's channel handler gives the answer its body
        RawAnswer answer = raw("GET /api/v1/availability HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + PARTNER_1_KEY
                + "\r\nX-Padding: " + "p".repeat(9 * 1024) + "\r\n\r\n");
        assertThat(answer.status()).isEqualTo(431);
        JsonNode problem = ProblemChecks.check(431, answer.header("content-type"), answer.body());
        assertThat(problem.get("type").asString()).endsWith("/headers-too-large");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/availability");
        assertThat(BOOKING_WEB.received()).isEmpty();
    }

    @Test
    void aRequestLineOverTheLimitIsAUriTooLongProblem() throws IOException {
        RawAnswer answer = raw("GET /api/v1/availability?q=" + "q".repeat(5 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(answer.status()).isEqualTo(414);
        assertThat(ProblemChecks.check(414, answer.header("content-type"), answer.body()).get("type").asString())
                .endsWith("/uri-too-long");
    }

    @Test
    void somethingThatIsNotHttpIsAnInvalidRequestProblem() throws IOException {
        RawAnswer answer = raw("GET /api/v1/availability HTTP/1.1\r\nHost: localhost\r\nBad Header Name: x\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(ProblemChecks.check(400, answer.header("content-type"), answer.body()).get("type").asString())
                .endsWith("/invalid-request");
    }

    @Test
    void aRequestWithinTheLimitsOnTheSameKindOfConnectionIsAnsweredNormally() throws IOException {
        RawAnswer answer = raw("GET /book/step-1 HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(4 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("content-type")).startsWith("application/json");
    }

    /** What came back on a raw connection. */
    private record RawAnswer(int status, String head, String body) {

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** Sends bytes no HTTP client library would send and reads the answer until the gateway closes. */
    private RawAnswer raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                String text = received.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0) {
                    RawAnswer head = new RawAnswer(0, text.substring(0, end), "");
                    String length = head.header("content-length");
                    if (length != null && text.length() - end - 4 >= Integer.parseInt(length)) {
                        break;
                    }
                }
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            return new RawAnswer(Integer.parseInt(head.substring(9, 12)), head, text.substring(end + 4));
        }
    }
}
