package io.glasslink.datahub.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lake catalogue's OpenAPI 3.1 document: what it is for, the hub as its server, and the problem+json
 * answers every operation refers to ({@code #/components/responses/...}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** The tag of the catalogue's operations. */
    public static final String LAKE = "lake";

    public static final String R400 = "#/components/responses/InvalidRequest";
    public static final String R404 = "#/components/responses/NotFound";
    public static final String R406 = "#/components/responses/NotAcceptable";
    public static final String R500 = "#/components/responses/ServerError";
    public static final String R503 = "#/components/responses/StoreUnavailable";

    @Bean
    OpenAPI lakeCatalogueDocument(OpenApiProperties properties) {
        return new OpenAPI()
                .info(new Info()
                        .title("glasslink Data Hub: lake catalogue")
                        .version("1.0.0")
                        .description("""
                                What the Data Hub has landed in the S3 data lake: every dataset (one event type and \
                                version, e.g. `planning/SlotHeld.v1`) with its event-time partitions (`dt=`/`hr=`, UTC) \
                                and their objects, records and bytes, read from the store itself.

                                For analysts and operators inside the network (the gateway does not route to the hub); \
                                the data itself is read from S3 with the store's own credentials. Read-only, no \
                                credentials needed. Every error is `application/problem+json` (RFC 9457) with a `type` \
                                from https://glasslink.io/problems/ and, for invalid parameters, `errors[]`.""")
                        .license(new License().name("Proprietary").url("https://glasslink.io/terms")))
                .servers(List.of(new Server().url(properties.serverUrl()).description("The Data Hub")))
                .tags(List.of(new Tag().name(LAKE).description("Datasets and partitions of the data lake")))
                .components(new Components()
                        .addSchemas("FieldError", new ObjectSchema()
                                .description("One invalid parameter and why")
                                .addProperty("field", new StringSchema().description("The parameter's name").example("eventType"))
                                .addProperty("message", new StringSchema().example("must look like EventName.v1"))
                                .required(List.of("field", "message")))
                        .addSchemas("Problem", problemSchema())
                        .responses(responses()));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem")
                .addProperty("type", new StringSchema().format("uri").description("One of the types listed at "
                        + Problems.TYPE_BASE).example(Problems.TYPE_BASE + "invalid-request"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("the request is invalid"))
                .addProperty("instance", new StringSchema().description("The request path")
                        .example("/api/v1/lake/datasets/planning/SlotHeld.v1"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("Each invalid parameter (invalid-request)"))
                .required(List.of("type", "title", "status", "detail", "instance"));
    }

    private static Map<String, ApiResponse> responses() {
        Map<String, ApiResponse> r = new LinkedHashMap<>();
        r.put("InvalidRequest", problem("A parameter breaks an input rule (pattern, length, control characters, "
                + "a parameter the operation does not take)", 400, "invalid-request", "the request is invalid",
                "/api/v1/lake/datasets/Planning/slotheld", "{\"field\":\"eventType\",\"message\":\"must look like EventName.v1\"}"));
        r.put("NotFound", problem("Nothing has landed for this dataset", 404, "not-found",
                "nothing has landed for planning/SlotHeld.v9", "/api/v1/lake/datasets/planning/SlotHeld.v9", null));
        r.put("NotAcceptable", problem("No representation matches Accept (the API answers application/json)", 406,
                "not-acceptable", "Acceptable representations: [application/json]", "/api/v1/lake/datasets", null));
        r.put("ServerError", problem("An unexpected error; nothing more is said", 500, "server-error",
                "an unexpected error occurred", "/api/v1/lake/datasets", null));
        ApiResponse unavailable = problem("The lake store cannot be read now", 503, "upstream-unavailable",
                "the lake store cannot be read now", "/api/v1/lake/datasets", null);
        unavailable.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                .schema(new IntegerSchema().example(5)));
        r.put("StoreUnavailable", unavailable);
        return r;
    }

    private static ApiResponse problem(String description, int status, String slug, String detail, String instance,
                                       String fieldError) {
        String example = "{\"type\":\"" + Problems.TYPE_BASE + slug + "\",\"title\":\""
                + org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase() + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + instance + "\""
                + (fieldError == null ? "" : ",\"errors\":[" + fieldError + "]") + "}";
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
                        .addExamples(slug, new Example().summary(description).value(parse(example)))));
    }

    private static Object parse(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Object.class);
    }
}
