package io.glasslink.gateway.observability;

import java.net.http.HttpClient;

import io.glasslink.gateway.link.LinkPath;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayObservationConvention;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;
import org.springframework.boot.zipkin.autoconfigure.ZipkinHttpClientBuilderCustomizer;

/**
 * What is observed and what the spans and request meters say beyond the framework's defaults: every routed request
 * (a server span continuing the caller's {@code traceparent}, and a span per proxied attempt) but not the actuator
 * (Prometheus scrapes and health probes every few seconds would bury the traces of real work); the link path an
 * on-prem call took ({@code glasslink.link.path}) on both spans; a description on the per-route meters.
 */
@Configuration(proxyBeanMethods = false)
public class ObservationSettings {

    /** Name of the proxied calls' observation (and meter). */
    public static final String CLIENT_OBSERVATION = "spring.cloud.gateway.http.client.requests";

    /** Spring Cloud Gateway's per-route request meter (GatewayMetricsFilter). */
    static final String ROUTE_REQUESTS = "spring.cloud.gateway.requests";

    @Bean
    ObservationPredicate noActuatorObservations(WebEndpointProperties actuator) {
        String base = actuator.getBasePath() + "/";
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && server.getCarrier() != null && server.getCarrier().getPath().value().startsWith(base));
    }

    /**
     * The proxied call's span and meter, with the link path as a tag. Named apart from WebClient's
     * {@code http.client.requests}, whose other tag keys Prometheus would refuse under the same name (the name Spring
     * Cloud Gateway itself moved to after 5.0, spring-cloud-gateway#3153).
     */
    @Bean
    GatewayObservationConvention gatewayClientObservationConvention() {
        return new DefaultGatewayObservationConvention() {
            @Override
            public String getName() {
                return CLIENT_OBSERVATION;
            }

            @Override
            public KeyValues getLowCardinalityKeyValues(GatewayContext context) {
                return super.getLowCardinalityKeyValues(context)
                        .and(LinkPath.TAG, LinkPath.of(context.getServerWebExchange()));
            }
        };
    }

    /** The server span of an on-prem call names the link path too (a span tag only: the server meter keeps its tags). */
    @Bean
    ServerRequestObservationConvention serverRequestObservationConvention(ObservationProperties properties) {
        return new DefaultServerRequestObservationConvention(properties.getHttp().getServer().getRequests().getName()) {
            @Override
            public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
                KeyValues keyValues = super.getHighCardinalityKeyValues(context);
                return context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) instanceof Route route
                        && LinkPath.crossesLink(route)
                        ? keyValues.and(LinkPath.TAG, LinkPath.of(context.getAttributes())) : keyValues;
            }
        };
    }

    /** Spring Cloud Gateway registers its request meters without a description; Prometheus' # HELP then says nothing. */
    @Bean
    MeterFilter gatewayMeterDescriptions() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getDescription() != null) {
                    return id;
                }
                String description = switch (id.getName()) {
                    case ROUTE_REQUESTS -> "Requests through the gateway per route, status, outcome, client, partner and link path";
                    case CLIENT_OBSERVATION -> "Calls of the gateway to the route's service (each attempt), per route, status and link path";
                    default -> null;
                };
                return description == null ? id : new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()),
                        id.getBaseUnit(), description, id.getType());
            }
        };
    }

    /**
     * Spans go to Zipkin over HTTP/1.1: Zipkin's server ends idle HTTP/2 connections with GOAWAY, and JDK 17's
     * client fails the batch then in flight on that connection instead of sending it again, losing its spans.
     */
    @Bean
    ZipkinHttpClientBuilderCustomizer zipkinOverHttp11() {
        return builder -> builder.version(HttpClient.Version.HTTP_1_1);
    }
}
