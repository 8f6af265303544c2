package io.glasslink.supplychain.web;

import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.Faults;
import io.glasslink.supplychain.RawHttp;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error is RFC 9457 problem+json with a type listed in docs/contracts.md, whoever raises it:
 * Spring MVC, the domain, Spring Security (401 and the firewall's 400), the request size limit,
 * Boot's error page (a failing filter) and Tomcat itself (a request it cannot parse).
 */
@SupplyChainIntegrationTest
class ErrorShapeTests extends ApiTestSupport {

    static final String HOLDS = "/api/v1/holds";

    @Test
    void badRequestsFromMvcTheFirewallAndTomcatAreProblems() {
        api.post(HOLDS, "{\"bookingReference\":").problem(400);
        RawHttp.get(port, "/api/v1/vehicles/makes;jsessionid=1", "").problem(400);
        RawHttp.get(port, "/api/v1/%2e%2e/actuator", "").problem(400);
        JsonNode tomcat = RawHttp.get(port, "/api/v1/a{b}", "").problem(400);
        JsonNode hugeHeader = RawHttp.get(port, "/api/v1/vehicles/makes", "X-Padding: " + "a".repeat(20_000) + "\r\n")
                .problem(431);

        assertThat(tomcat.path("detail").asString()).doesNotContain("Tomcat", "Exception");
        assertThat(hugeHeader.path("instance").asString()).startsWith("/api/v1/vehicles/makes");
    }

    @Test
    void missingTokenIsAnUnauthenticatedProblem() {
        JsonNode p = api.getWithToken("/api/v1/vehicles/makes", null).problem(401);

        assertThat(p.path("type").asString()).endsWith("/unauthenticated");
    }

    @Test
    void unknownRoutesAndResourcesAreNotFoundProblems() {
        api.get("/api/v1/nothing-here").problem(404);
        api.getWithToken("/nothing-here", null).problem(404);
        api.get("/api/v1/holds/" + java.util.UUID.randomUUID()).problem(404);
    }

    @Test
    void unsupportedMethodIsAProblemThatListsTheAllowedOnes() {
        RawHttp.Answer put = RawHttp.send(port, "PUT " + HOLDS + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Glasslink-Identity: " + api.token() + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");

        put.problem(405);
        assertThat(put.header("Allow")).contains("POST", "GET");
    }

    @Test
    void unacceptableAndUnsupportedMediaTypesAreProblems() {
        Answer png = api.exchange(http -> http.get().uri("/api/v1/vehicles/makes")
                .header("X-Glasslink-Identity", api.token()).accept(MediaType.IMAGE_PNG));
        Answer xml = api.exchange(http -> http.get().uri("/api/v1/vehicles/makes")
                .header("X-Glasslink-Identity", api.token()).accept(MediaType.APPLICATION_XML));
        Answer text = api.exchange(http -> http.post().uri(HOLDS).header("X-Glasslink-Identity", api.token())
                .contentType(MediaType.TEXT_PLAIN).body("{}"));
        RawHttp.Answer wildcard = RawHttp.send(port, "POST " + HOLDS + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Glasslink-Identity: " + api.token() + "\r\nContent-Type: */*\r\nContent-Length: 2\r\n\r\n{}");

        png.problem(406);
        xml.problem(406);
        text.problem(415);
        wildcard.problem(415);
    }

    @Test
    void bodiesOverTheLimitAreContentTooLargeProblemsWhetherDeclaredOrChunked() {
        String body = "{\"bookingReference\":\"" + "a".repeat(70_000) + "\"}";
        Answer declared = api.post(HOLDS, body);
        RawHttp.Answer chunked = RawHttp.send(port, "POST " + HOLDS + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Glasslink-Identity: " + api.token() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");

        declared.problem(413);
        chunked.problem(413);
    }

    @Test
    void unexpectedFailuresAreServerErrorProblemsThatSayNothingMore() {
        JsonNode inController = api.getWithToken(Faults.CONTROLLER, null).problem(500);
        JsonNode inFilter = api.getWithToken(Faults.FILTER, null).problem(500);

        assertThat(inController.path("detail").asString()).isEqualTo("an unexpected error occurred");
        assertThat(inController.toString()).doesNotContain("jdbc", "IllegalState", "secret");
        assertThat(inFilter.path("instance").asString()).isEqualTo(Faults.FILTER);
        assertThat(inFilter.toString()).doesNotContain("IOException", "a filter failed");
    }

    @Test
    void anUnreachableDatabaseIsUnavailableWithRetryAfter() {
        RawHttp.Answer a = RawHttp.get(port, Faults.DATABASE, "");

        a.problem(503);
        assertThat(a.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void problemsAreProblemJsonWhateverTheClientAccepts() {
        RawHttp.Answer html = RawHttp.get(port, "/api/v1/vehicles/makes", "Accept: text/html\r\n");

        html.problem(401);
    }
}
