package io.glasslink.supplychain.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.glasslink.supplychain.security.IdentityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
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
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.servers.ServerVariables;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI 3.1 description at {@code /v3/api-docs}: the API as its callers reach it (the gateway's
 * on-prem route), the identity token it needs, and every error answer with the problem+json shape of
 * docs/contracts.md. Operations state their own 404/409/422 with {@code @ApiResponse}; the answers
 * every operation can give (400, 401, 406, 500, 503, and 413/415 with a body) are added here.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    static final String IDENTITY = "identityToken";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final Pattern NAMED_TYPE = Pattern.compile("\\(([a-z]+(?:-[a-z]+)*)[,)]");

    @Bean
    OpenAPI supplyChainOpenApi(IdentityProperties identity) {
        return new OpenAPI()
                .info(new Info().title("glasslink supply-chain API").version("1.0.0")
                        .description("On-premise supply chain of the glasslink windscreen repair network: the glass "
                                + "catalogue, when a part can be at a service centre or a customer's home, and part "
                                + "holds for bookings (hold, confirm, release). Internal clients reach it through the "
                                + "gateway's on-prem route, which adds the identity token. Times carry the offset of "
                                + "Europe/Paris; errors are RFC 9457 problem details.")
                        .contact(new Contact().name("glasslink platform team").email("platform@glasslink.io"))
                        .license(new License().name("Proprietary").url("https://glasslink.io/legal/api-terms")))
                .servers(List.of(new Server().url("{gateway}/onprem/supply-chain")
                        .description("the gateway's on-prem route; internal clients only")
                        .variables(new ServerVariables().addServerVariable("gateway", new ServerVariable()
                                ._default("http://localhost:8080")
                                .description("the gateway's base URL (the local platform's by default)")))))
                .components(new Components()
                        .addSecuritySchemes(IDENTITY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(identity.header())
                                .description("HS256 JWT minted by the gateway for each request (issuer glasslink-gateway, "
                                        + "audience supply-chain-service, living at most 60 s)"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(IDENTITY))
                .tags(List.of(
                        new Tag().name("availability").description("When a part can be at a centre or a home, and from where"),
                        new Tag().name("catalogue").description("Vehicles and the glass parts that fit them"),
                        new Tag().name("holds").description("Part holds for bookings: hold, confirm, release; every write is idempotent")));
    }

    /** Every 4xx/5xx answer of every operation is a problem; the common ones are added where missing. */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses();
            common(responses, 400, "the request breaks an input rule (errors[] names each field)");
            common(responses, 401, "no valid identity token");
            common(responses, 406, "no representation matches Accept");
            if (operation.getRequestBody() != null) {
                common(responses, 413, "the body is over the size limit");
                common(responses, 415, "the body is not application/json");
            }
            common(responses, 500, "an unexpected error");
            common(responses, 503, "the service cannot answer now (Retry-After)");
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                            .example(example(Integer.parseInt(code), response.getDescription()))));
                }
            });
            return operation;
        };
    }

    private static void common(ApiResponses responses, int status, String description) {
        if (!responses.containsKey(Integer.toString(status))) {
            responses.addApiResponse(Integer.toString(status), new ApiResponse().description(description));
        }
    }

    /** An example problem; its type is the first slug the description names in parentheses, if any. */
    private static Map<String, Object> example(int status, String description) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Matcher named = NAMED_TYPE.matcher(description == null ? "" : description);
        String slug = named.find() ? named.group(1) : Problems.slugFor(status);
        return Map.of("type", Problems.TYPE_BASE + slug, "title", title, "status", status,
                "detail", description == null ? title : description, "instance", "/api/v1/holds");
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("dotted JSON path, [i] for array items")
                .example("centreIds[2]"));
        fieldError.addProperty("message", new StringSchema().example("must match \"C[0-9]{3}\""));
        fieldError.setRequired(List.of("field", "message"));
        ObjectSchema problem = new ObjectSchema();
        problem.setDescription("RFC 9457 problem details; type is one of docs/contracts.md \"Problem types\"");
        problem.addProperty("type", new StringSchema().format("uri").example(Problems.TYPE_BASE + "invalid-request"));
        problem.addProperty("title", new StringSchema().example("Bad Request"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema().example("the request is invalid"));
        problem.addProperty("instance", new StringSchema().description("the request path").example("/api/v1/holds"));
        problem.addProperty("errors", new ArraySchema().items(fieldError).description("the broken fields (validation only)"));
        problem.setRequired(List.of("type", "title", "status", "detail", "instance"));
        return problem;
    }
}
