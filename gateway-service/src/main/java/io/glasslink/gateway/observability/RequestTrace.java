package io.glasslink.gateway.observability;

import io.micrometer.observation.Observation;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts a request's trace around a log statement. Reactor does not carry the trace's thread locals (and so the MDC's
 * {@code traceId}/{@code spanId}) into every callback without {@code spring.reactor.context-propagation: auto},
 * which would restore them around every operator of every request; opening the request's observation around the
 * few log statements costs that only where a line is written.
 */
public final class RequestTrace {

    /** Exchange attribute holding the request's server observation. */
    static final String ATTRIBUTE = RequestTrace.class.getName();

    private RequestTrace() {
    }

    /** Runs {@code logging} with the trace of the request on {@code exchange} in the MDC (as is when it has none). */
    public static void log(ServerWebExchange exchange, Runnable logging) {
        Observation observation = exchange.getAttribute(ATTRIBUTE);
        if (observation == null) {
            logging.run();
            return;
        }
        try (Observation.Scope scope = observation.openScope()) {
            logging.run();
        }
    }
}
