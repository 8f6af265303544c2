package io.glasslink.supplychain;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failures the service cannot be made to have on demand, for the error-shape tests: an unexpected
 * exception in a controller and in a servlet filter (before Spring MVC), and an unreachable database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Faults {

    public static final String CONTROLLER = "/test/faults/controller";
    public static final String FILTER = "/test/faults/filter";
    public static final String DATABASE = "/test/faults/database";

    @Bean
    FilterRegistrationBean<Filter> faultyFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            if (FILTER.equals(((HttpServletRequest) request).getRequestURI())) {
                throw new IOException("a filter failed");
            }
            chain.doFilter(request, response);
        });
        registration.addUrlPatterns("/test/faults/*");
        return registration;
    }

    // found by component scanning (a test class under the application's package)
    @RestController
    static class FaultsController {

        @GetMapping(CONTROLLER)
        String failing() {
            throw new IllegalStateException("a bug with a secret in its message: jdbc:postgresql://db/supplychain");
        }

        @GetMapping(DATABASE)
        String databaseDown() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        }
    }
}
