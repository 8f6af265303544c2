package io.glasslink.booking.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.glasslink.booking.support.IntegrationTest;
import io.glasslink.booking.support.RawHttp;
import io.glasslink.booking.support.Requests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner API's OpenAPI 3.1 document is partner-ready: it says what the API is, that partners call the gateway
 * with an API key or a bearer JWT, what each operation really answers (201 for a new booking), and every 4xx/5xx as
 * a problem+json. It is written to target/openapi/, where CI lints it with Redocly's recommended rules.
 */
class OpenApiDocumentTest extends IntegrationTest {

    static final Path WRITTEN = Path.of("target/openapi/booking-web-service.json");

    @Test
    void theDocumentDescribesThePartnerApiAsPartnersCallItAndIsWrittenForTheLint() throws Exception {
        String text = new RawHttp(baseUrl()).send("GET", "/v3/api-docs", null).body();
        Files.createDirectories(WRITTEN.getParent());
        Files.writeString(WRITTEN, Requests.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(Requests.JSON.readTree(text)));
        JsonNode doc = Requests.JSON.readTree(text);

        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        assertThat(doc.at("/info/title").asString()).isEqualTo("glasslink partner API");
        assertThat(doc.at("/info/version").asString()).isNotBlank();
        assertThat(doc.at("/info/description").asString()).contains("X-API-Key", "bearer", "X-Glasslink-Identity");
        assertThat(doc.at("/servers/0/variables/gateway/default").asString()).isEqualTo("http://localhost:8080");
        assertThat(doc.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-API-Key");
        assertThat(doc.at("/components/securitySchemes/bearerJwt/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.at("/tags").findValuesAsString("name")).containsExactlyInAnyOrder("availability", "bookings");

        JsonNode create = doc.at("/paths/~1api~1v1~1bookings/post");
        assertThat(create.at("/responses").propertyNames()).contains("201", "400", "401", "422").doesNotContain("200");
        assertThat(create.get("parameters").findValuesAsString("name")).contains("Idempotency-Key");

        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String where = op.getKey() + " " + path.getKey();
                operations.add(where);
                assertThat(op.getValue().get("operationId")).as(where).isNotNull();
                assertThat(op.getValue().get("tags")).as(where).isNotNull();
                for (Map.Entry<String, JsonNode> response : op.getValue().get("responses").properties()) {
                    int status = Integer.parseInt(response.getKey());
                    if (status >= 400) {
                        JsonNode resolved = resolve(doc, response.getValue());
                        assertThat(resolved.at("/content/application~1problem+json/schema/$ref").asString())
                                .as(where + " " + status).isEqualTo("#/components/schemas/Problem");
                    }
                }
                assertThat(op.getValue().get("responses").propertyNames()).as(where)
                        .anyMatch(code -> code.startsWith("4")).contains("401", "500");
            }
        }
        assertThat(operations).contains("post /api/v1/availability/search", "post /api/v1/bookings",
                "get /api/v1/bookings", "get /api/v1/bookings/{reference}", "post /api/v1/bookings/{reference}/cancel",
                "post /api/v1/bookings/{reference}/reschedule");
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : doc.at(ref.asString().substring(1));
    }
}
