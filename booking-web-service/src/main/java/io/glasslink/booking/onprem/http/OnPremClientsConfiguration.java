package io.glasslink.booking.onprem.http;

import java.net.http.HttpClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.booking.config.BookingProperties;
import io.glasslink.booking.onprem.Planning;
import io.glasslink.booking.onprem.SupplyChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** One RestClient per on-prem service, rooted at the gateway's hybrid route, with explicit timeouts. */
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
        return builder.clone()
                .baseUrl(props.gatewayUrl() + prefix)
                .requestFactory(requestFactory(props))
                // the application's mapper plus the fast timestamp reader (runs after Boot's converter set-up)
                .configureMessageConverters(converters -> converters.withJsonConverter(
                        new JacksonJsonHttpMessageConverter(json.rebuild().addModule(OnPremTimestamps.module()).build())))
                .defaultHeader("X-API-Key", props.apiKey())
                .build();
    }

    /**
     * {@code HttpURLConnection} by default: a call is written and read on the calling thread, where
     * {@code java.net.http.HttpClient} hands every call between its selector, its workers and the
     * caller — on two busy cores those hand-offs were a visible part of booking-web's own time per
     * search (docs/benchmarks.md). Idle connections are kept alive by the JDK ({@code http.maxConnections}).
     */
    static ClientHttpRequestFactory requestFactory(BookingProperties props) {
        if ("jdk".equalsIgnoreCase(props.onPremHttpClient())) {
            HttpClient jdk = HttpClient.newBuilder()
                    .connectTimeout(props.connectTimeout())
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdk);
            factory.setReadTimeout(props.readTimeout());
            return factory;
        }
        if (!"simple".equalsIgnoreCase(props.onPremHttpClient())) {
            throw new IllegalArgumentException("glasslink.booking.on-prem-http-client must be simple or jdk, not "
                    + props.onPremHttpClient());
        }
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(props.connectTimeout());
        factory.setReadTimeout(props.readTimeout());
        return factory;
    }
}
