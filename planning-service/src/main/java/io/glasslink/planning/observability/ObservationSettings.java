package io.glasslink.planning.observability;

import java.net.http.HttpClient;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.boot.zipkin.autoconfigure.ZipkinHttpClientBuilderCustomizer;

/**
 * What is observed: every API request (a server span continuing the caller's {@code traceparent}, and
 * {@code http.server.requests}), every run of a {@code @Scheduled} job (Spring's {@code tasks.scheduled.execution}),
 * every Kafka send and every database statement run inside one of them, but not the actuator (Prometheus scrapes
 * and health probes every few seconds would bury the traces of real work), not Spring Security's inner steps, and
 * no statement outside a request or job: housekeeping on a plain scheduler task (the outbox backlog read) makes no
 * trace.
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
     * A database statement is a span inside the work that runs it (request, job, send), never the start of a trace. The
     * JDBC observation names the untraced connection as its parent, so the work is the thread's current observation.
     */
    @Bean
    ObservationPredicate noTraceStartsWithAStatement(ObjectProvider<ObservationRegistry> registry) {
        Supplier<ObservationRegistry> observations = SingletonSupplier.of(registry::getObject);
        return (name, context) -> !name.startsWith("jdbc.") || isObserved(context.getParentObservation())
                || isObserved(observations.get().getCurrentObservation());
    }

    private static boolean isObserved(ObservationView observation) {
        return observation instanceof Observation o && !o.isNoop();
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
