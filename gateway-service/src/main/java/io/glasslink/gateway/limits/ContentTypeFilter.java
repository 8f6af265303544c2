package io.glasslink.gateway.limits;

import io.glasslink.gateway.problems.GatewayProblem;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses with 415 a request body whose {@code Content-Type} names no media type a service could
 * read: a value that does not parse, or a wildcard such as {@code *}{@code /*} (a sender states what
 * it sends; behind the gateway such a body reached the partner API's JSON reader). Other types go
 * to the service, which answers its own 415 for what it does not accept.
 */
@Component
public class ContentTypeFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String value = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        if (value == null || !(headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING))) {
            return chain.filter(exchange);
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(value);
        } catch (InvalidMediaTypeException e) {
            return Mono.error(unsupported("The Content-Type of the body is not a media type"));
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return Mono.error(unsupported("The Content-Type of the body must name its media type, not " + type));
        }
        return chain.filter(exchange);
    }

    private static GatewayProblem unsupported(String detail) {
        return new GatewayProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
                detail);
    }

    /** After the rate limit (a refused body still counts), before the size limit. */
    @Override
    public int getOrder() {
        return -145;
    }
}
