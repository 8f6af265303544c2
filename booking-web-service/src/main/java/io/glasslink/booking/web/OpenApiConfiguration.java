package io.glasslink.booking.web;

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
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.servers.ServerVariables;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner API's OpenAPI 3.1 document: who it is for, the gateway as its server, how partners authenticate there,
 * and the problem+json answers every operation refers to ({@code #/components/responses/...}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final JsonMapper EXAMPLES = JsonMapper.builder().build();

    public static final String BOOKINGS = "bookings";
    public static final String AVAILABILITY = "availability";

    public static final String R400 = "#/components/responses/InvalidRequest";
    public static final String R401 = "#/components/responses/Unauthenticated";
    public static final String R403 = "#/components/responses/NotAPartner";
    public static final String R404 = "#/components/responses/NotFound";
    public static final String R406 = "#/components/responses/NotAcceptable";
    public static final String R409 = "#/components/responses/Conflict";
    public static final String R413 = "#/components/responses/ContentTooLarge";
    public static final String R415 = "#/components/responses/UnsupportedMediaType";
    public static final String R422_BOOKING = "#/components/responses/BookingRefused";
    public static final String R422_START = "#/components/responses/StartRefused";
    public static final String R422_SEARCH = "#/components/responses/NotServed";
    public static final String R429 = "#/components/responses/RateLimited";
    public static final String R500 = "#/components/responses/ServerError";
    public static final String R503_UNAVAILABLE = "#/components/responses/Unavailable";

    public static final String NEW_BOOKING_EXAMPLE = """
            {"jobType":"WINDSCREEN_REPLACEMENT","calibration":true,"partNumber":"WS-RENAULT-CLIO-5","centreId":"C326",
             "mode":"CENTRE","start":"2026-12-14T14:00:00+01:00",
             "vehicle":{"make":"Renault","model":"Clio","year":2021,"plate":"AB-123-CD"},
             "customer":{"name":"Ada Lovelace","email":"ada@example.com","phone":"+33 6 01 02 03 04","consent":true}}""";
    public static final String BOOKING_EXAMPLE = """
            {"reference":"GL-7K3M9QXA","status":"CONFIRMED","message":"confirmed","jobType":"WINDSCREEN_REPLACEMENT",
             "calibration":true,"partNumber":"WS-RENAULT-CLIO-5","centreId":"C326","mode":"CENTRE",
             "start":"2026-12-14T14:00:00+01:00","end":"2026-12-14T16:15:00+01:00",
             "createdAt":"2026-12-09T09:00:12.345+01:00"}""";
    public static final String SEARCH_EXAMPLE = """
            {"jobType":"WINDSCREEN_REPLACEMENT","calibration":true,"partNumber":"WS-RENAULT-CLIO-5","postcode":"75011",
             "mode":"CENTRE"}""";
    public static final String SLOTS_EXAMPLE = """
            {"provisional":false,"slots":[{"centreId":"C326","centreName":"glasslink Paris 11","city":"Paris",
             "distanceKm":0.0,"mode":"CENTRE","start":"2026-12-14T14:00:00+01:00","end":"2026-12-14T16:15:00+01:00"}]}""";

    @Bean
    OpenAPI partnerApiDocument(OpenApiProperties openApi) {
        String serverUrl = openApi.serverUrl();
        return new OpenAPI()
                .info(new Info()
                        .title("glasslink partner API")
                        .version("1.0.0")
                        .description("""
                                Windscreen repair and replacement appointments at the glasslink network's 450 centres \
                                or at home, for insurers and fleet partners: search bookable slots, book one \
                                (idempotently), then read, list, cancel or move your bookings.

                                Call the gateway with your partner credentials: an API key (`X-API-Key`) or a bearer \
                                JWT from your identity provider. The gateway checks them, applies your rate limit and \
                                forwards the call to this service with a short-lived identity token of its own \
                                (`X-Glasslink-Identity`, 60 s); partners never send that header themselves.

                                Times are RFC 3339 with the offset Europe/Paris has at that instant. Every error is \
                                `application/problem+json` (RFC 9457) with a `type` from \
                                https://glasslink.io/problems/ and, for invalid fields, `errors[]`.""")
                        .license(new License().name("Proprietary").url("https://glasslink.io/partner-terms")))
                .servers(List.of(new Server().url("{gateway}").description("The glasslink gateway")
                        .variables(new ServerVariables().addServerVariable("gateway", new ServerVariable()
                                ._default(serverUrl).description("The gateway's base URL")))))
                .tags(List.of(
                        new Tag().name(AVAILABILITY).description("Bookable slots near a postcode, once the part can be there"),
                        new Tag().name(BOOKINGS).description("Bookings: create (idempotent), read, list, cancel, reschedule")))
                .security(List.of(new SecurityRequirement().addList("apiKey"), new SecurityRequirement().addList("bearerJwt")))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                                .description("Your partner API key; the gateway exchanges it for its identity token"))
                        .addSecuritySchemes("bearerJwt", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A JWT from your identity provider; the gateway exchanges it for its "
                                        + "identity token"))
                        .addSchemas("FieldError", new ObjectSchema()
                                .description("One invalid field and why")
                                .addProperty("field", new StringSchema().description("Dotted JSON path, [i] for array items")
                                        .example("customer.consent"))
                                .addProperty("message", new StringSchema().example("must be true"))
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
                .addProperty("detail", new StringSchema().example("the request has invalid fields"))
                .addProperty("instance", new StringSchema().description("The request path").example("/api/v1/bookings"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("Each invalid field (invalid-request, unprocessable, not-served)"))
                .addProperty("policy", new StringSchema().description("The policy that refused (notice-policy)")
                        .example("min-notice-24h"))
                .addProperty("retryable", new BooleanSchema().description("The same request may succeed if sent "
                        + "again (contention)").example(true))
                .required(List.of("type", "title", "status", "detail", "instance"));
    }

    private static Map<String, ApiResponse> responses() {
        Map<String, ApiResponse> r = new LinkedHashMap<>();
        r.put("InvalidRequest", problem("The body, a parameter or a header breaks an input rule", 400, "invalid-request",
                "the request has invalid fields", "{\"field\":\"customer.email\",\"message\":\"must be a well-formed email address\"}"));
        r.put("Unauthenticated", problem("No valid credentials", 401, "unauthenticated",
                "a valid X-Glasslink-Identity token from the gateway is required", null));
        r.put("NotAPartner", problem("The credentials are not a partner's", 403, "not-a-partner",
                "the partner API is for partners: the identity carries no partner_id", null));
        r.put("NotFound", problem("No such booking among yours", 404, "not-found", "no booking GL-7K3M9QXA", null));
        r.put("NotAcceptable", problem("No representation matches Accept (the API answers application/json)", 406,
                "not-acceptable", "Not Acceptable", null));
        r.put("Conflict", problem("The booking's state or the notice policy refuses the change, the back office "
                + "refused it (types notice-policy, invalid-state, back-office-refused), or another request is changing "
                + "the booking right now (contention, retryable: nothing was changed)", 409, "notice-policy",
                "appointments can be changed or cancelled up to 24 hours before they start", null));
        r.put("ContentTooLarge", problem("The body is over 64 KB", 413, "content-too-large",
                "the body is over the limit of 65536 bytes", null));
        r.put("UnsupportedMediaType", problem("The body is not application/json", 415, "unsupported-media-type",
                "Content-Type 'text/plain' is not supported", null));
        r.put("BookingRefused", problem("Well-formed, but breaks a business rule (unprocessable) or reuses an "
                + "Idempotency-Key with another body (idempotency-key-reused); nothing was written", 422, "unprocessable",
                "customer.consent must be true", "{\"field\":\"start\",\"message\":\"must be on the 60-minute slot grid\"}"));
        r.put("StartRefused", problem("The new start is not one the search can offer", 422, "unprocessable",
                "start must be at least 2 hours ahead", "{\"field\":\"start\",\"message\":\"must be at least 2 hours ahead\"}"));
        r.put("NotServed", problem("The postcode is not served by the network", 422, "not-served",
                "postcode 97400 is not served by the network", "{\"field\":\"postcode\",\"message\":\"is not served by the network\"}"));
        r.put("RateLimited", problem("Over your rate limit at the gateway (see Retry-After)", 429, "rate-limited",
                "too many requests", null).addHeaderObject("Retry-After", retryAfter()));
        r.put("ServerError", problem("An unexpected error; nothing more is said", 500, "server-error",
                "an unexpected error occurred", null));
        r.put("Unavailable", problem("The service cannot answer now: its database cannot be reached (unavailable), "
                + "or the back office cannot be reached and the request cannot wait (back-office-unavailable); nothing "
                + "was written: try again after Retry-After", 503, "unavailable",
                "the service cannot answer right now; try again later", null)
                .addHeaderObject("Retry-After", retryAfter()));
        return r;
    }

    private static Header retryAfter() {
        return new Header().description("Seconds to wait before trying again").schema(new IntegerSchema().example(30));
    }

    private static ApiResponse problem(String description, int status, String slug, String detail, String error) {
        String example = "{\"type\":\"" + Problems.TYPE_BASE + slug + "\",\"title\":\"" + title(status)
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"instance\":\"/api/v1/bookings\""
                + (error == null ? "" : ",\"errors\":[" + error + "]") + "}";
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
                        .addExamples(slug, new Example().value(EXAMPLES.readValue(example, LinkedHashMap.class)))));
    }

    private static String title(int status) {
        return org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase();
    }
}
