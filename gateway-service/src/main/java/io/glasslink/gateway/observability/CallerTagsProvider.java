package io.glasslink.gateway.observability;

import io.glasslink.gateway.access.Caller;
import io.micrometer.core.instrument.Tags;
import org.springframework.cloud.gateway.support.tagsprovider.GatewayTagsProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** Adds {@code client} and {@code partner} tags to the gateway's per-route request metrics. */
@Component
public class CallerTagsProvider implements GatewayTagsProvider {

    @Override
    public Tags apply(ServerWebExchange exchange) {
        Caller caller = Caller.of(exchange);
        return Tags.of("client", caller.clientId(), "partner", caller.partnerId() == null ? "none" : caller.partnerId());
    }
}
