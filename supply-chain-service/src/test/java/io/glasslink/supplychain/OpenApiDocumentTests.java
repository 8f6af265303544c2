package io.glasslink.supplychain;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI 3.1 description, served without a token, written to
 * {@code target/openapi/supply-chain-service.json} for the lint CI runs
 * ({@code npx @redocly/cli@2.77.0 lint --extends recommended}).
 */
@SupplyChainIntegrationTest
class OpenApiDocumentTests extends ApiTestSupport {

    @Test
    void describesTheApiBehindTheGatewayAndIsWrittenForTheLint() throws Exception {
        Api.Answer doc = api.getWithToken("/v3/api-docs", null);
        Path file = Path.of("target/openapi/supply-chain-service.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, doc.raw(), StandardCharsets.UTF_8);

        assertThat(doc.status()).isEqualTo(200);
        JsonNode api = doc.body();
        assertThat(api.path("openapi").asString()).startsWith("3.1");
        assertThat(api.at("/info/title").asString()).isEqualTo("glasslink supply-chain API");
        assertThat(api.at("/info/description").asString()).isNotBlank();
        assertThat(api.at("/servers/0/url").asString()).isEqualTo("{gateway}/onprem/supply-chain");
        assertThat(api.at("/servers/0/variables/gateway/default").asString()).isEqualTo("http://localhost:8080");
        assertThat(api.at("/components/securitySchemes/identityToken/type").asString()).isEqualTo("apiKey");
        assertThat(api.at("/components/securitySchemes/identityToken/name").asString()).isEqualTo("X-Glasslink-Identity");
        assertThat(api.at("/security/0").has("identityToken")).isTrue();
        assertThat(api.at("/paths").propertyNames()).containsOnly("/api/v1/availability", "/api/v1/availability/batch",
                "/api/v1/holds", "/api/v1/holds/{holdId}", "/api/v1/holds/{holdId}/confirm", "/api/v1/holds/{holdId}/release",
                "/api/v1/vehicles/makes", "/api/v1/vehicles/models", "/api/v1/parts", "/api/v1/parts/{partNumber}");
        assertThat(api.at("/paths/~1api~1v1~1holds/post/responses").propertyNames()).contains("201", "409", "422")
                .doesNotContain("200");
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        for (JsonNode path : api.path("paths")) {
            for (JsonNode operation : path) {
                assertThat(operationIds.add(operation.path("operationId").asString())).isTrue();
                assertThat(operation.path("summary").asString()).isNotBlank();
                for (String status : operation.path("responses").propertyNames()) {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        JsonNode problem = operation.at("/responses/" + status + "/content/application~1problem+json");
                        assertThat(problem.at("/schema/$ref").asString()).isEqualTo("#/components/schemas/Problem");
                        assertThat(io.glasslink.testsupport.ProblemChecks.listedTypes())
                                .containsKey(problem.at("/example/type").asString().replace("https://glasslink.io/problems/", ""));
                    }
                }
                assertThat(operation.path("responses").propertyNames()).contains("400", "401", "500");
            }
        }
        for (JsonNode tag : api.path("tags")) {
            assertThat(tag.path("description").asString()).isNotBlank();
        }
    }
}
