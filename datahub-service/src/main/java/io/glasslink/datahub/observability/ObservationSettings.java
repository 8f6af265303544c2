package io.glasslink.datahub.observability;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;

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
}
