package io.glasslink.datahub.web;

import io.glasslink.datahub.HubSpringTest;
import io.glasslink.datahub.TestHttp;
import io.glasslink.datahub.TestHttp.Answer;
import io.glasslink.testsupport.ProblemChecks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error the running hub answers is problem+json with a listed type, raised in Spring MVC or before it. */
@HubSpringTest
class ProblemAnswersTest {

    @LocalServerPort
    int port;

    @Test
    void anUnknownRouteIsA404Problem() {
        Answer answer = TestHttp.get(port, "/api/v1/lake/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        JsonNode problem = ProblemChecks.check(answer.status(), answer.contentType(), answer.body());
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/lake/nothing-here");
    }

    @Test
    void anUnknownDatasetIsA404Problem() {
        Answer answer = TestHttp.get(port, "/api/v1/lake/datasets/hubtest/NeverSeen.v9");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(ProblemChecks.check(404, answer.contentType(), answer.body()).get("detail").asString())
                .isEqualTo("nothing has landed for hubtest/NeverSeen.v9");
    }

    @Test
    void anotherMethodIsA405ProblemListingTheAllowedOnes() {
        Answer answer = TestHttp.send(port, "DELETE", "/api/v1/lake/datasets");

        assertThat(answer.status()).isEqualTo(405);
        ProblemChecks.check(405, answer.contentType(), answer.body());
        assertThat(answer.header("Allow")).contains("GET");
    }

    @Test
    void anAcceptTheApiCannotAnswerIsA406Problem() {
        Answer answer = TestHttp.get(port, "/api/v1/lake/datasets", "Accept", "text/csv");

        assertThat(answer.status()).isEqualTo(406);
        ProblemChecks.check(406, answer.contentType(), answer.body());
    }

    @Test
    void malformedDatasetNamesAreA400ProblemNamingEachParameter() {
        Answer answer = TestHttp.get(port, "/api/v1/lake/datasets/HubTest/probe");

        assertThat(answer.status()).isEqualTo(400);
        ProblemChecks.checkFieldError(400, answer.contentType(), answer.body(), "domain");
        ProblemChecks.checkFieldError(400, answer.contentType(), answer.body(), "eventType");
    }

    @Test
    void aDatasetNameOverItsLengthIsA400Problem() {
        Answer answer = TestHttp.get(port, "/api/v1/lake/datasets/hubtest/P" + "x".repeat(80) + ".v1");

        assertThat(answer.status()).isEqualTo(400);
        ProblemChecks.checkFieldError(400, answer.contentType(), answer.body(), "eventType");
    }

    @Test
    void aQueryParameterTheOperationDoesNotTakeIsA400ProblemNamingIt() {
        Answer answer = TestHttp.get(port, "/api/v1/lake/datasets?domain=planning&limit=5");

        assertThat(answer.status()).isEqualTo(400);
        ProblemChecks.checkFieldError(400, answer.contentType(), answer.body(), "domain");
        ProblemChecks.checkFieldError(400, answer.contentType(), answer.body(), "limit");
    }

    @Test
    void controlCharactersInAQueryParameterAreA400Problem() {
        for (String query : new String[] {"?x=%01", "?x=a%00b", "?x=%C2%85", "?%07=1", "?x=" + "y".repeat(300)}) {
            Answer answer = TestHttp.get(port, "/api/v1/lake/datasets" + query);

            assertThat(answer.status()).as(query).isEqualTo(400);
            ProblemChecks.check(400, answer.contentType(), answer.body());
        }
    }

    @Test
    void aControlCharacterInThePathIsRefusedBeforeSpringMvcWithA400Problem() {
        for (String path : new String[] {"/api/v1/lake/datasets/hub%00test/Probe.v1", "/api/v1/lake/datasets/hubtest/Probe%0A.v1"}) {
            Answer answer = TestHttp.get(port, path);

            assertThat(answer.status()).as(path).isEqualTo(400);
            ProblemChecks.check(400, answer.contentType(), answer.body());
        }
    }

    @Test
    void headersOverTomcatsLimitAreA431Problem() {
        Answer answer = TestHttp.get(port, "/api/v1/lake/datasets", "X-Padding", "x".repeat(20_000));

        assertThat(answer.status()).isEqualTo(431);
        ProblemChecks.check(431, answer.contentType(), answer.body());
    }

    @Test
    void actuatorDetailsWithoutCredentialsAreA401ProblemFromTheErrorPage() {
        Answer answer = TestHttp.get(port, "/actuator/metrics");

        assertThat(answer.status()).isEqualTo(401);
        ProblemChecks.check(401, answer.contentType(), answer.body());
        assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
    }
}
