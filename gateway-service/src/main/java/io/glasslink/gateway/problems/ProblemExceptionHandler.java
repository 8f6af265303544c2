package io.glasslink.gateway.problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.glasslink.gateway.observability.RequestTrace;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's single error renderer: every exception that escapes a filter or the routing
 * (unknown route, auth, limits, the framework's 405/406, upstream failures, bugs) becomes an
 * RFC 9457 problem+json answer whose {@code type} is listed in docs/contracts.md. It runs before
 * Boot's default error handler, which would answer in its own JSON shape.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final JsonMapper json;

    public ProblemExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        return write(exchange, problemFor(exchange, ex));
    }

    private static ProblemDetail problemFor(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof ErrorResponse error) {
            exchange.getResponse().getHeaders().addAll(error.getHeaders());
            ProblemDetail problem = error.getBody();
            int status = problem.getStatus();
            if (!(ex instanceof GatewayProblem)) {
                problem.setType(GatewayProblem.type(GatewayProblem.slugFor(status)));
                if (status == HttpStatus.NOT_FOUND.value()) {
                    problem.setTitle("Not Found");
                    problem.setDetail("No route for " + requestPath(exchange));
                } else if (status >= 500) {
                    // a framework 5xx may carry an internal message: the caller learns nothing more than the status
                    problem.setDetail(HttpStatus.valueOf(status).getReasonPhrase());
                }
            }
            return problem;
        }
        if (ex instanceof TimeoutException) {
            // the upstream went silent after its headers (route response-timeout between reads)
            return GatewayProblem.problem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Gateway Timeout",
                    "The upstream service stopped answering");
        }
        if (upstreamBroke(ex)) {
            return GatewayProblem.problem(HttpStatus.BAD_GATEWAY, "upstream-unavailable", "Bad Gateway",
                    "The upstream service could not be reached or broke off its answer");
        }
        RequestTrace.log(exchange, () -> log.error("Unexpected gateway error on {}", requestPath(exchange), ex));
        return GatewayProblem.problem(HttpStatus.INTERNAL_SERVER_ERROR, "server-error", "Internal Server Error",
                "The gateway could not complete the request");
    }

    /** Whether {@code ex} (or a cause) is a connection failing (refused, reset, closed early, not HTTP) rather than a bug of the gateway. */
    public static boolean upstreamBroke(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof PrematureCloseException || t instanceof DecoderException) {
                return true;
            }
        }
        return false;
    }

    /** Writes {@code problem} as the response body with its status and the problem+json media type. */
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        // an upstream answer may have set these before it failed; they do not describe the problem
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        response.getHeaders().remove(HttpHeaders.CONTENT_ENCODING);
        response.getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if ((problem.getStatus() == 503 || problem.getStatus() == 504) && !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
            // a caller (or a load tool) told when to come back does not hammer a service that is recovering
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? GatewayProblem.type(GatewayProblem.slugFor(problem.getStatus())).toString()
                : problem.getType().toString());
        body.put("title", problem.getTitle() == null ? reason(problem.getStatus()) : problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail() == null ? reason(problem.getStatus()) : problem.getDetail());
        body.put("instance", requestPath(exchange));
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /** The path the caller asked for, also when a fallback answers under its own path. */
    static String requestPath(ServerWebExchange exchange) {
        String path = exchange.getAttribute(GatewayProblem.REQUEST_PATH_ATTR);
        return path != null ? path : exchange.getRequest().getPath().value();
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
