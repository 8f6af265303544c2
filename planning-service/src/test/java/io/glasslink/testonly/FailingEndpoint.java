package io.glasslink.testonly;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A route that fails unexpectedly, for the tests of the 500 answer: outside the application's packages (imported, not
 * scanned) and outside /api/v1 (not in the OpenAPI document).
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingEndpoint {

    /** Registered as a member of this configuration when it is imported. */
    @RestController
    static class Failing {

        @GetMapping("/test-only/failure")
        String fail() {
            throw new IllegalStateException("secret internals: jdbc:postgresql://db/planning");
        }
    }
}
