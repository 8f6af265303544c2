package io.glasslink.booking.onprem.http;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.booking.config.BookingProperties;
import io.glasslink.booking.onprem.Planning;
import io.glasslink.booking.onprem.SupplyChain;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One RestClient per on-prem service, rooted at the gateway's hybrid route, on the JDK's HTTP client (named, so tests
 * whose classpath carries another client run the same one) with this service's timeouts. On-prem answers are read as a tolerant reader: a property this service does not know is
 * ignored, so the on-prem services can add to their answers.
 */
@Configuration(proxyBeanMethods = false)
class OnPremClientsConfiguration {

    @Bean
    SupplyChain supplyChain(RestClient.Builder builder, BookingProperties props, CircuitBreakerRegistry breakers, JsonMapper json) {
        return new SupplyChainHttpClient(new GatewayCalls(client(builder, props, "/onprem/supply-chain/api/v1", json),
                breakers.circuitBreaker("supply-chain")));
    }

    @Bean
    Planning planning(RestClient.Builder builder, BookingProperties props, CircuitBreakerRegistry breakers, JsonMapper json) {
        return new PlanningHttpClient(new GatewayCalls(client(builder, props, "/onprem/planning/api/v1", json),
                breakers.circuitBreaker("planning")), props.slotStepMinutes());
    }

    private static RestClient client(RestClient.Builder builder, BookingProperties props, String prefix, JsonMapper json) {
        JsonMapper tolerant = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        return builder.clone()
                .baseUrl(props.gatewayUrl() + prefix)
                .requestFactory(requestFactory(props))
                .configureMessageConverters(converters -> converters.withJsonConverter(
                        new JacksonJsonHttpMessageConverter(tolerant)))
                .defaultHeader("X-API-Key", props.apiKey())
                .build();
    }

    static ClientHttpRequestFactory requestFactory(BookingProperties props) {
        return ClientHttpRequestFactoryBuilder.jdk()
                .build(HttpClientSettings.defaults().withTimeouts(props.connectTimeout(), props.readTimeout()));
    }
}
