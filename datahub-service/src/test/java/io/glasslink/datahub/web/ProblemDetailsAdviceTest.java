package io.glasslink.datahub.web;

import io.glasslink.testsupport.ProblemChecks;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The answers the running hub cannot be made to give on demand — an unexpected failure, the lake store out of
 * reach, a body of another media type (no operation of the hub takes a body) — through Spring MVC and the advice.
 */
class ProblemDetailsAdviceTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemDetailsAdvice()).build();

    @Test
    void anUnexpectedFailureIsA500ProblemThatSaysNothingMore() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/failing/bug")).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(ProblemChecks.check(500, answer.getContentType(), answer.getContentAsString()).get("detail").asString())
                .isEqualTo("an unexpected error occurred");
        assertThat(answer.getContentAsString()).doesNotContain("secret internals");
    }

    @Test
    void theLakeStoreOutOfReachIsA503ProblemWithRetryAfter() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/failing/store")).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(503);
        ProblemChecks.check(503, answer.getContentType(), answer.getContentAsString());
        assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
        assertThat(answer.getContentAsString()).doesNotContain("127.0.0.1");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsA415Problem() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post("/failing/json").contentType(MediaType.TEXT_PLAIN).content("x"))
                .andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(415);
        ProblemChecks.check(415, answer.getContentType(), answer.getContentAsString());
    }

    @RestController
    static class Failing {

        @GetMapping("/failing/bug")
        String bug() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/failing/store")
        String store() {
            throw SdkClientException.create("Unable to execute HTTP request: Connect to 127.0.0.1:9000 failed");
        }

        @PostMapping(path = "/failing/json", consumes = MediaType.APPLICATION_JSON_VALUE)
        String json(@RequestBody String body) {
            return body;
        }
    }
}
