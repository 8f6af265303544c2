package io.glasslink.gateway.resilience;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.gateway.observability.RequestTrace;
import io.glasslink.gateway.problems.GatewayProblem;
import io.glasslink.gateway.problems.ProblemExceptionHandler;
import io.glasslink.gateway.resilience.UpstreamFailureGatewayFilterFactory.UpstreamStatusException;
import io.netty.handler.codec.DecoderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * The circuit breakers' fallback ({@code fallbackUri: forward:/fallback/<breaker>}), problem+json
 * for each way a call fails: 504 {@code upstream-timeout} when it timed out; 503
 * {@code circuit-open} while the breaker is open, {@code Retry-After} its open-state wait; 503
 * {@code upstream-unavailable} with {@code Retry-After} when the service (or the link to it) cannot
 * be reached, refuses or drops the connection, or answers a bare 503; 502 {@code upstream-unavailable}
 * when it answers a bare 502 or something that is not HTTP. A fallback answers only when nothing
 * was sent to the caller yet. Reached directly from outside it answers 404.
 */
@Configuration(proxyBeanMethods = false)
public class FallbackHandler {

    private static final Logger log = LoggerFactory.getLogger(FallbackHandler.class);

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
                    return problems.write(exchange, problem(breakers, breaker, cause, exchange))
                            .then(Mono.empty());
                }))
                .build();
    }

    private static ProblemDetail problem(CircuitBreakerRegistry breakers, String breaker, Throwable cause,
            ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (timedOut(cause)) {
            return GatewayProblem.problem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Gateway Timeout",
                    "The " + breaker + " service did not answer in time");
        }
        if (cause instanceof CallNotPermittedException) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, waitInOpenState(breakers, breaker).toSeconds())));
            return withBreaker(GatewayProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "circuit-open", "Service Unavailable",
                    "The circuit breaker of " + breaker + " is open after repeated failures"), breaker);
        }
        if (cause instanceof UpstreamStatusException status) {
            return switch (status.status()) {
                case 504 -> GatewayProblem.problem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Gateway Timeout",
                        "The " + breaker + " service did not answer in time");
                case 503 -> unavailable(breaker, headers, status.retryAfter());
                default -> withBreaker(GatewayProblem.problem(HttpStatus.BAD_GATEWAY, "upstream-unavailable", "Bad Gateway",
                        "The " + breaker + " service answered with an error"), breaker);
            };
        }
        if (notHttp(cause)) {
            return withBreaker(GatewayProblem.problem(HttpStatus.BAD_GATEWAY, "upstream-unavailable", "Bad Gateway",
                    "The " + breaker + " service did not answer in HTTP"), breaker);
        }
        if (ProblemExceptionHandler.upstreamBroke(cause)) {
            return unavailable(breaker, headers, null);
        }
        RequestTrace.log(exchange, () -> log.error("Unexpected failure calling {}", breaker, cause));
        return GatewayProblem.problem(HttpStatus.INTERNAL_SERVER_ERROR, "server-error", "Internal Server Error",
                "The gateway could not complete the request");
    }

    private static ProblemDetail unavailable(String breaker, HttpHeaders headers, String upstreamRetryAfter) {
        headers.set(HttpHeaders.RETRY_AFTER, upstreamRetryAfter != null && upstreamRetryAfter.matches("\\d{1,6}")
                ? upstreamRetryAfter : "1");
        return withBreaker(GatewayProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable",
                "Service Unavailable", "The " + breaker + " service is unavailable"), breaker);
    }

    private static ProblemDetail withBreaker(ProblemDetail problem, String breaker) {
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

    private static boolean notHttp(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof DecoderException) {
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
