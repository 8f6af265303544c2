package io.glasslink.gateway;

import io.glasslink.gateway.support.Downstream;
import io.glasslink.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redirects built by a service behind the gateway keep the origin the customer used at the
 * gateway (scheme, host, port), whatever forwarded headers the customer sends itself. The
 * downstream double resolves its own URL with Spring's forwarded-header rules, as booking-web does.
 */
class ForwardedHeadersTests extends GatewayTestSupport {

    private static final String SHOP = "shop.example.test:8080";

    @BeforeEach
    void forget() {
        BOOKING_WEB.reset();
    }

    @Test
    void aRedirectOfTheServiceKeepsTheHostAndPortTheCustomerUsedAtTheGateway() {
        gateway().get().uri("/book/confirm").header(HttpHeaders.HOST, SHOP).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "http://" + SHOP + "/book/confirmation/GL-TEST");
        assertThat(BOOKING_WEB.last().headers().getFirst("Forwarded")).contains("proto=http").contains("host=\"" + SHOP + "\"");
    }

    @Test
    void forwardedHeadersSentByTheCustomerAreNotBelieved() {
        gateway().get().uri("/book/confirm").header(HttpHeaders.HOST, SHOP)
                .header("Forwarded", "proto=https;host=evil.example;for=10.0.0.1")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/evil")
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "http://" + SHOP + "/book/confirmation/GL-TEST");
        // the service gets the gateway's view only: RFC 7239 Forwarded and the X-Forwarded-* it writes itself
        Downstream.Received received = BOOKING_WEB.last();
        assertThat(received.headers().get("Forwarded")).singleElement().asString()
                .contains("host=\"" + SHOP + "\"").contains("proto=http").doesNotContain("evil");
        assertThat(received.headers().getFirst("X-Forwarded-Host")).isEqualTo(SHOP);
        assertThat(received.headers().getFirst("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.headers().getFirst("X-Forwarded-Port")).isEqualTo("8080");
        assertThat(received.headers().getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.headers().containsKey("X-Forwarded-Prefix")).isFalse();
    }

    @Test
    void theDefaultPortOfTheSchemeIsKeptOutOfTheRedirect() {
        gateway().get().uri("/book/confirm").header(HttpHeaders.HOST, "shop.example.test").exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "http://shop.example.test/book/confirmation/GL-TEST");
    }
}
