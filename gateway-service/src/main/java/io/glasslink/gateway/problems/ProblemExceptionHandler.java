package io.glasslink.gateway.problems;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

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
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's single error renderer: every exception that escapes a filter or the routing
 * (unknown route, auth, limits, upstream failures) becomes an RFC 9457 problem+json answer.
 * It runs before Boot's default error handler, which would answer in its own JSON shape.
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
        ProblemDetail problem;
        if (ex instanceof ErrorResponse error) {
            problem = error.getBody();
            response.getHeaders().addAll(error.getHeaders());
            if (problem.getStatus() == HttpStatus.NOT_FOUND.value() && !(ex instanceof GatewayProblem)) {
                problem.setTitle("Not Found");
                problem.setDetail("No route for " + exchange.getRequest().getPath());
            }
        } else if (ex instanceof io.netty.handler.timeout.TimeoutException) {
            // the upstream went silent after its headers (route response-timeout between reads)
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, "The upstream service stopped answering");
            problem.setTitle("Gateway Timeout");
            problem.setType(java.net.URI.create("https://glasslink.io/problems/upstream-timeout"));
        } else {
            log.error("Unexpected gateway error on {}", exchange.getRequest().getPath(), ex);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The gateway could not complete the call");
            problem.setTitle("Bad Gateway");
        }
        return write(exchange, problem);
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", exchange.getRequest().getPath().value());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
