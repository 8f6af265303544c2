package io.glasslink.gateway.resilience;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.gateway.problems.ProblemExceptionHandler;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The circuit breakers' fallback ({@code fallbackUri: forward:/fallback/<breaker>}): 503
 * problem+json with {@code Retry-After} (the breaker's open-state wait while it is open), or 504
 * when the downstream call timed out. Reached directly from outside it answers 404.
 */
@Configuration(proxyBeanMethods = false)
public class FallbackHandler {

    @Bean
    RouterFunction<ServerResponse> fallbackRoute(CircuitBreakerRegistry breakers, ProblemExceptionHandler problems) {
        return RouterFunctions.route()
                .path("/fallback/{breaker}", builder -> builder.route(request -> true, request -> {
                    ServerWebExchange exchange = request.exchange();
                    Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
                    if (cause == null) {
                        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
                    }
                    if (cause instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
                        return Mono.error(cause);
                    }
                    String breaker = request.pathVariable("breaker");
                    return problems.write(exchange, problem(breakers, breaker, cause, exchange.getResponse().getHeaders()))
                            .then(Mono.empty());
                }))
                .build();
    }

    private static ProblemDetail problem(CircuitBreakerRegistry breakers, String breaker, Throwable cause,
            HttpHeaders headers) {
        if (timedOut(cause)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
                    "The " + breaker + " service did not answer in time");
            problem.setTitle("Gateway Timeout");
            problem.setType(URI.create("https://glasslink.io/problems/upstream-timeout"));
            return problem;
        }
        boolean open = cause instanceof CallNotPermittedException;
        long retryAfter = open ? Math.max(1, waitInOpenState(breakers, breaker).toSeconds()) : 1;
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, open
                ? "The circuit breaker of " + breaker + " is open after repeated failures"
                : "The " + breaker + " service is unavailable");
        problem.setTitle("Service Unavailable");
        problem.setType(URI.create("https://glasslink.io/problems/" + (open ? "circuit-open" : "upstream-unavailable")));
        problem.setProperty("breaker", breaker);
        return problem;
    }

    private static boolean timedOut(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.TimeoutException
                    || (t instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504)) {
                return true;
            }
        }
        return false;
    }

    private static Duration waitInOpenState(CircuitBreakerRegistry breakers, String breaker) {
        long millis = breakers.circuitBreaker(breaker).getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
        return Duration.ofMillis(millis + 999);
    }
}
