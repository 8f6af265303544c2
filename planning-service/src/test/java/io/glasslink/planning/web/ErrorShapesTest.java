package io.glasslink.planning.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.web.Problems.ProblemType;
import io.glasslink.testsupport.ProblemChecks;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error is problem+json with a type listed in docs/contracts.md for its status — those Spring MVC raises, those
 * raised before it (Spring Security, the firewall, a filter) through Boot's error page, and Tomcat's own.
 */
class ErrorShapesTest extends PlanningIntegrationTest {

    private static final String HOLD = """
            {"bookingReference":"ERR-%s","jobType":"CHIP_REPAIR","calibration":false,"centreId":"C040","mode":"CENTRE",
             "start":"2030-01-08T10:00:00+01:00"}""";

    @Test
    void noOrABadIdentityTokenIsUnauthenticated() {
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
        ResponseEntity<String> none = anonymous.get().uri("/api/v1/appointments/{id}", UUID.randomUUID()).retrieve().toEntity(String.class);
        assertThat(problem(none, 401).get("type").asString()).endsWith("/unauthenticated");
        ResponseEntity<String> bad = anonymous.post().uri("/api/v1/appointments").header("X-Glasslink-Identity", "not-a-jwt")
                .header("Content-Type", "application/json").body(HOLD.formatted(UUID.randomUUID())).retrieve().toEntity(String.class);
        problem(bad, 401);
        problem(anonymous.get().uri("/no/such/route").retrieve().toEntity(String.class), 401);
    }

    @Test
    void anUnknownRouteOrAppointmentIsNotFound() {
        assertThat(problem(send(HttpMethod.GET, "/api/v1/nothing-here", null, null), 404).get("instance").asString())
                .isEqualTo("/api/v1/nothing-here");
        problem(send(HttpMethod.GET, "/api/v1/appointments/" + UUID.randomUUID(), null, null), 404);
        fieldProblem(send(HttpMethod.GET, "/api/v1/appointments/not-a-uuid", null, null), 400, "id");
    }

    @Test
    void anUnsupportedMethodIsNotAllowedAndListsTheAllowedOnes() {
        problem(send(HttpMethod.DELETE, "/api/v1/appointments/" + UUID.randomUUID(), null, null), 405);
        problem(send(HttpMethod.PUT, "/api/v1/slots/search", "application/json", "{}"), 405);
    }

    @Test
    void anAcceptNoRepresentationMatchesIsNotAcceptable() {
        ResponseEntity<String> r = api().get().uri("/api/v1/slots?jobType=CHIP_REPAIR&centreId=C040&from=2030-01-08&to=2030-01-08")
                .header("Accept", "application/xml").retrieve().toEntity(String.class);
        problem(r, 406);
    }

    @Test
    void aBodyOtherThanJsonIsAnUnsupportedMediaType() {
        String body = HOLD.formatted(UUID.randomUUID());
        problem(send(HttpMethod.POST, "/api/v1/appointments", "text/plain", body), 415);
        problem(send(HttpMethod.POST, "/api/v1/appointments", "application/xml", "<hold/>"), 415);
        problem(send(HttpMethod.POST, "/api/v1/appointments", "*/*", body), 415);
        problem(send(HttpMethod.POST, "/api/v1/appointments", "application/x-www-form-urlencoded", "a=b"), 415);
    }

    @Test
    void aBodyOverTheLimitIsContentTooLargeWhetherItsLengthIsDeclaredOrNot() {
        String big = "{\"reason\":\"" + "x".repeat(16 * 1024) + "\"}";
        String path = "/api/v1/appointments/" + UUID.randomUUID() + "/cancel";
        assertThat(problem(send(HttpMethod.POST, path, "application/json", big), 413).get("instance").asString()).isEqualTo(path);
        ResponseEntity<String> chunked = api().post().uri(path).header("Content-Type", "application/json")
                .body((OutputStream out) -> out.write(big.getBytes(StandardCharsets.UTF_8))).retrieve().toEntity(String.class);
        assertThat(chunked.getHeaders().getContentLength()).isNotZero();
        problem(chunked, 413);
    }

    @Test
    void confirmingACancelledHoldIsAConflictWithTheAppointmentsState() {
        String start = (String) slots("C042", "CHIP_REPAIR", dayWithSlots("C042", "CHIP_REPAIR", 5)).get(0).get("start");
        ResponseEntity<String> held = send(HttpMethod.POST, "/api/v1/appointments", "application/json", """
                {"bookingReference":"ERR-%s","jobType":"CHIP_REPAIR","calibration":false,"centreId":"C042","mode":"CENTRE",
                 "start":"%s"}""".formatted(UUID.randomUUID(), start));
        String id = held.getBody().replaceAll(".*\"appointmentId\":\"([^\"]+)\".*", "$1");
        assertThat(send(HttpMethod.POST, "/api/v1/appointments/" + id + "/cancel", null, null).getStatusCode().value()).isEqualTo(200);
        JsonNode p = problem(send(HttpMethod.POST, "/api/v1/appointments/" + id + "/confirm", null, null), 409);
        assertThat(p.get("type").asString()).endsWith("/invalid-state");
    }

    @Test
    void anUnexpectedFailureIsAServerErrorThatSaysNothingMore() {
        ResponseEntity<String> r = send(HttpMethod.GET, "/test-only/failure", null, null);
        JsonNode p = problem(r, 500);
        assertThat(p.get("type").asString()).endsWith("/server-error");
        assertThat(r.getBody()).doesNotContain("secret", "jdbc", "Exception", "trace");
    }

    @Test
    void aRequestTheFirewallRefusesIsABadRequestProblem() {
        problem(send(HttpMethod.GET, "/api/v1/appointments/%2e%2e/x", null, null), 400);
        problem(send(HttpMethod.GET, "/api/v1/appointments;x=y/" + UUID.randomUUID(), null, null), 400);
    }

    @Test
    void tomcatsOwnRefusalsAreProblemsToo() throws Exception {
        String raw = rawRequest("GET /api/v1/appointments/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(raw).startsWith("HTTP/1.1 400");
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        ProblemChecks.check(400, name -> header(headers, name), body);
    }

    @Test
    void headersOverTomcatsLimitAreRefusedWithA431Problem() throws Exception {
        String raw = rawRequest("GET /api/v1/slots HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        int status = Integer.parseInt(raw.substring(9, 12));
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertThat(status).as(headers).isEqualTo(431);
        ProblemChecks.check(431, name -> header(headers, name), raw.substring(raw.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void everyProblemTypeOfTheServiceIsListedInTheContractWithItsStatus() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(ProblemChecks.listedTypes()).as(type.slug()).containsKey(type.slug());
            assertThat(ProblemChecks.listedTypes().get(type.slug())).as(type.slug()).contains(Integer.toString(type.status()));
        }
    }

    private String rawRequest(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }
}
