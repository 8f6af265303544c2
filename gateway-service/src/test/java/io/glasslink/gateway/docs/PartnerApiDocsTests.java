package io.glasslink.gateway.docs;

import io.glasslink.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway publishes the partner API's OpenAPI description (booking-web's, fetched with an
 * identity token like any call) and a Swagger UI for it, without an API key, naming itself as the
 * only server.
 */
class PartnerApiDocsTests extends GatewayTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void forget() {
        BOOKING_WEB.reset();
    }

    @Test
    void theDescriptionIsPublicAndNamesTheGatewayTheCallerUsedAsItsOnlyServer() {
        String body = gateway().get().uri("/api/docs/openapi.json").header(HttpHeaders.HOST, "partners.example.test:8080")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode openApi = JSON.readTree(body);
        assertThat(openApi.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(openApi.get("servers")).hasSize(1);
        assertThat(openApi.get("servers").get(0).get("url").asString()).isEqualTo("http://partners.example.test:8080");
        assertThat(openApi.path("paths").has("/api/v1/bookings")).isTrue();
        assertThat(BOOKING_WEB.last().path()).isEqualTo("/v3/api-docs");
        assertThat(BOOKING_WEB.last().identity().getAudience()).containsExactly("booking-web-service");
    }

    @Test
    void theSwaggerUiIsServedAtTheGatewayAndReadsThatDescription() {
        String location = gateway().get().uri("/api/docs/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).startsWith("/api/docs/swagger-ui/index.html");
        gateway().get().uri("/api/docs/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        String config = gateway().get().uri("/api/docs/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JSON.readTree(config).get("url").asString()).isEqualTo("/api/docs/openapi.json");
        assertThat(BOOKING_WEB.received()).as("the UI is the gateway's own").isEmpty();
    }
}
