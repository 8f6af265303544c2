package io.glasslink.datahub.observability;

import java.net.http.HttpClient;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.boot.zipkin.autoconfigure.ZipkinHttpClientBuilderCustomizer;

/**
 * What is observed: every catalogue request (a server span continuing the caller's {@code traceparent}, and
 * {@code http.server.requests}) and every record's handling with its sends (the pipeline's own registry,
 * {@code pipeline/HubObservations}), but not the actuator (Prometheus scrapes and health probes every few seconds would
 * bury the traces of real work), not Spring Security's inner steps, and no housekeeping: idle flushes, uploads, commits
 * and the client-metrics refresh run on plain executors and make no trace.
 */
@Configuration(proxyBeanMethods = false)
class ObservationSettings {

    /** A service started without a web server (a test or a job) has no actuator path: the default then applies. */
    @Bean
    ObservationPredicate noActuatorObservations(ObjectProvider<WebEndpointProperties> actuator) {
        String base = actuator.getIfAvailable(WebEndpointProperties::new).getBasePath() + "/";
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && server.getCarrier() != null && server.getCarrier().getRequestURI().startsWith(base));
    }

    /**
     * No Spring Security observations: with them every filter of the chain, the authentication and the authorization
     * each open an observation per request; the request's own observation stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
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
