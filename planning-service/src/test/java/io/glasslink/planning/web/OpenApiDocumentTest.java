package io.glasslink.planning.web;

import java.nio.file.Files;
import java.nio.file.Path;

import io.glasslink.planning.PlanningIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI 3.1 document, served without a token, written to {@code target/openapi/planning-service.json} for the
 * lint ({@code npx @redocly/cli@2.77.0 lint --extends recommended}, run by CI on {@code * /target/openapi/*.json}).
 */
class OpenApiDocumentTest extends PlanningIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theDocumentDescribesTheOnPremApiBehindTheGatewayAndIsWrittenForTheLint() throws Exception {
        String body = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve().body(String.class);
        Path file = Path.of("target", "openapi", "planning-service.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body)));

        JsonNode doc = JSON.readTree(body);
        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        assertThat(doc.at("/info/title").asString()).isEqualTo("glasslink planning-service (on-prem)");
        // the gateway's host is a server variable, by default the local platform's (a literal localhost would be linted)
        JsonNode server = doc.at("/servers/0");
        assertThat(server.get("url").asString().replace("{gateway}", server.at("/variables/gateway/default").asString()))
                .isEqualTo("http://localhost:8080/onprem/planning");
        assertThat(doc.at("/components/securitySchemes/identityToken/name").asString()).isEqualTo("X-Glasslink-Identity");
        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/slots/search", "/api/v1/slots", "/api/v1/appointments",
                "/api/v1/appointments/{id}", "/api/v1/appointments/{id}/confirm", "/api/v1/appointments/{id}/cancel",
                "/api/v1/appointments/{id}/reschedule", "/api/v1/technicians/{technicianId}/absences")
                .noneMatch(p -> p.startsWith("/test-only"));
        assertThat(doc.at("/paths/~1api~1v1~1appointments/post/responses").propertyNames()).contains("201", "400", "401", "409",
                "422", "500").doesNotContain("200");
        assertThat(doc.at("/paths/~1api~1v1~1appointments/post/responses/409/content/application~1problem+json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Problem");
    }
}
