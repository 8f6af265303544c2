package io.glasslink.datahub.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.glasslink.datahub.HubSpringTest;
import io.glasslink.datahub.TestHttp;
import io.glasslink.datahub.TestHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI 3.1 document of the lake catalogue, written to {@code target/openapi/datahub-service.json}
 * where CI lints it ({@code npx @redocly/cli@2.77.0 lint --extends recommended}: 0 errors, 0 warnings).
 */
@HubSpringTest
class OpenApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void describesEveryOperationWithItsProblemAnswersAndIsWrittenForTheLinter() throws Exception {
        Answer answer = TestHttp.get(port, "/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode doc = JSON.readTree(answer.body());
        Path file = Path.of("target/openapi/datahub-service.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));

        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        assertThat(doc.get("info").get("title").asString()).isEqualTo("glasslink Data Hub: lake catalogue");
        assertThat(doc.get("servers").get(0).get("url").asString()).isEqualTo("http://datahub-service:8084");
        assertThat(doc.get("paths").propertyNames()).containsExactlyInAnyOrder(
                "/api/v1/lake/datasets", "/api/v1/lake/datasets/{domain}/{eventType}");
        Map<String, String> operationIds = Map.of("/api/v1/lake/datasets", "listDatasets",
                "/api/v1/lake/datasets/{domain}/{eventType}", "getDataset");
        JsonNode components = doc.get("components");
        for (Map.Entry<String, String> path : operationIds.entrySet()) {
            JsonNode get = doc.get("paths").get(path.getKey()).get("get");
            assertThat(get.get("operationId").asString()).isEqualTo(path.getValue());
            assertThat(get.get("tags").get(0).asString()).isEqualTo("lake");
            assertThat(get.get("security")).as("open: an explicit empty requirement").isEmpty();
            assertThat(get.get("responses").get("200").get("content").get("application/json").has("examples")).isTrue();
            for (String status : get.get("responses").propertyNames()) {
                if (status.startsWith("4") || status.startsWith("5")) {
                    String ref = get.get("responses").get(status).get("$ref").asString();
                    JsonNode response = components.get("responses").get(ref.substring(ref.lastIndexOf('/') + 1));
                    assertThat(response.get("content").get("application/problem+json").get("schema").get("$ref").asString())
                            .as(path.getKey() + " " + status).isEqualTo("#/components/schemas/Problem");
                }
            }
        }
        assertThat(doc.get("paths").get("/api/v1/lake/datasets/{domain}/{eventType}").get("get").get("responses").has("404")).isTrue();
    }
}
