package io.glasslink.planning.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.glasslink.planning.web.Problems.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.servers.ServerVariables;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI 3.1 document of the on-prem API ({@code /v3/api-docs}): the gateway's on-prem route
 * as server, the gateway's identity token as security scheme, every error answer as a
 * {@code Problem} (application/problem+json), examples of each request and answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String IDENTITY = "identityToken";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final JsonMapper EXAMPLES = JsonMapper.builder().build();

    /** Error statuses particular to each operation, beyond 400, 401, 406 and 500 (and 413, 415 with a body). */
    private static final Map<String, List<Integer>> ERRORS = Map.of(
            "searchSlots", List.of(422),
            "searchSlotsOfOneCentre", List.of(422),
            "holdSlot", List.of(409, 422),
            "getAppointment", List.of(404),
            "confirmAppointment", List.of(404, 409),
            "cancelAppointment", List.of(404, 409, 422),
            "rescheduleAppointment", List.of(404, 409, 422),
            "recordAbsence", List.of(404));

    @Bean
    OpenAPI planningOpenApi() {
        return new OpenAPI()
                .info(new Info().title("glasslink planning-service (on-prem)").version("v1")
                        .description("""
                                Technician planning of the glasslink network: free slots per centre or home postcode, \
                                holds that expire, confirmation, cancellation and rescheduling under a notice policy, \
                                technician absences. Reached through the gateway's on-prem route by internal clients; \
                                times are RFC 3339 with the offset of Europe/Paris; errors are RFC 9457 problems.""")
                        .license(new License().name("Proprietary: glasslink internal use").identifier("LicenseRef-glasslink-internal")))
                .servers(List.of(new Server().url("http://{gateway}/onprem/planning")
                        .description("the gateway's on-prem route to planning")
                        .variables(new ServerVariables().addServerVariable("gateway", new ServerVariable()
                                ._default("localhost:8080").description("the gateway's host and port (the local platform's by default)")))))
                .components(new Components()
                        .addSecuritySchemes(IDENTITY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Glasslink-Identity")
                                .description("""
                                        The identity token the gateway mints for every request it forwards: an HS256 JWT \
                                        signed with this service's secret, issuer glasslink-gateway, audience \
                                        planning-service, living 60 s (docs/contracts.md "Identity"). Callers never \
                                        mint it: they authenticate at the gateway.""")))
                .addSecurityItem(new SecurityRequirement().addList(IDENTITY))
                .tags(List.of(
                        new Tag().name("Slots").description("Free start times per centre, with their capacity."),
                        new Tag().name("Appointments").description(
                                "Holds that expire, confirmation, cancellation and rescheduling (idempotent writes)."),
                        new Tag().name("Absences").description("Technician absences, recorded by the planners' back office.")));
    }

    /** The problem schema, the search's rules, the error answers and the examples of every operation. */
    @Bean
    OpenApiCustomizer problemsAndExamples() {
        return api -> {
            api.getComponents().addSchemas("Problem", problemSchema())
                    .addSchemas("FieldError", new Schema<>().types(Set.of("object")).required(List.of("field", "message"))
                            .description("One field at fault: its dotted JSON path ([i] for array items) and why.")
                            .addProperty("field", text("centreIds[0]")).addProperty("message", text("is required")));
            describeSearch(api.getComponents().getSchemas().get("SlotQuery"));
            api.getPaths().values().forEach(path -> path.readOperations().forEach(OpenApiConfiguration::errorsAndExamples));
        };
    }

    private static void errorsAndExamples(Operation operation) {
        {
            ApiResponses responses = operation.getResponses();
            List<Integer> statuses = new java.util.ArrayList<>(List.of(400, 401, 406, 500));
            if (operation.getRequestBody() != null) {
                statuses.addAll(List.of(413, 415));
            }
            statuses.addAll(ERRORS.getOrDefault(operation.getOperationId(), List.of()));
            statuses.stream().sorted().forEach(status -> responses.addApiResponse(status.toString(), problem(status)));
            examples(operation);
        }
    }

    /** The search's request type is a domain record: its rules are stated here rather than on it. */
    private static void describeSearch(Schema<?> query) {
        if (query == null) {
            return;
        }
        query.description("A slot search: a job, either centreIds or a home postcode, a window of Paris dates.")
                .required(List.of("jobType", "from", "to"));
        Map<String, String> rules = Map.of(
                "calibration", "ADAS camera calibration after a windscreen replacement (+45 min); default false",
                "centreIds", "1 to 20 centre ids (C001..C450, at most 16 characters each); or postcode, not both",
                "postcode", "a metropolitan home postcode (5 digits), served by the vans of its departement; or centreIds",
                "from", "first day of the window (Paris)",
                "to", "last day of the window (Paris), at most 31 days after from, not in the past",
                "notBefore", "no start before this time (e.g. when the part arrives)",
                "minNoticeMinutes", "0 to 10080; default 120",
                "stepMinutes", "spacing of the starts, a multiple of 15 up to 240; default 15",
                "limit", "at most this many slots per centre, the earliest, 1 to 1000; default all");
        rules.forEach((name, rule) -> {
            Schema<?> property = query.getProperties() == null ? null : query.getProperties().get(name);
            if (property != null) {
                property.description(rule);
            }
        });
    }

    private static ApiResponse problem(int status) {
        ProblemType type = ProblemType.ofStatus(status);
        String description = switch (status) {
            case 400 -> "The body, a parameter or a header breaks an input rule (errors[] names each field).";
            case 401 -> "No valid identity token.";
            case 404 -> "No such appointment, technician or route.";
            case 406 -> "No representation matches Accept (the API answers application/json).";
            case 409 -> "The stored state refuses it: slot-unavailable, invalid-state, notice-policy (policy names it), "
                    + "contention (nothing written, retryable).";
            case 413 -> "The body is over 16 KiB.";
            case 415 -> "The body is not application/json.";
            case 422 -> "Well-formed but breaks a business rule: not-served, unprocessable, idempotency-key-reused "
                    + "(errors[] names each field).";
            default -> "An unexpected error; nothing more is said.";
        };
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.uri());
        example.put("title", type.title());
        example.put("status", status);
        example.put("detail", status == 400 ? "jobType: must be one of CHIP_REPAIR, WINDSCREEN_REPLACEMENT, SIDE_WINDOW, REAR_WINDOW"
                : status == 422 ? "centreId: no centre C999 in the network" : type.title());
        example.put("instance", "/api/v1/appointments");
        if (status == 400) {
            example.put("errors", List.of(Map.of("field", "jobType",
                    "message", "must be one of CHIP_REPAIR, WINDSCREEN_REPLACEMENT, SIDE_WINDOW, REAR_WINDOW")));
        } else if (status == 422) {
            example.put("errors", List.of(Map.of("field", "centreId", "message", "no centre C999 in the network")));
            example.put("type", ProblemType.NOT_SERVED.uri());
            example.put("title", ProblemType.NOT_SERVED.title());
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
                        .addExamples(type.slug(), new Example().summary(type.title()).value(example))));
    }

    private static Schema<?> problemSchema() {
        return new Schema<>().types(Set.of("object"))
                .description("An RFC 9457 problem (docs/contracts.md \"Errors\").")
                .required(List.of("type", "title", "status", "detail", "instance"))
                .addProperty("type", text("https://glasslink.io/problems/slot-unavailable").format("uri")
                        .description("https://glasslink.io/problems/<slug>, a slug of docs/contracts.md \"Problem types\""))
                .addProperty("title", text("Slot unavailable"))
                .addProperty("status", new Schema<Integer>().types(Set.of("integer")).format("int32").example(409))
                .addProperty("detail", text("no technician is free at 2026-12-14T10:00+01:00 in C001 (CENTRE)"))
                .addProperty("instance", text("/api/v1/appointments").description("the request's path"))
                .addProperty("errors", new Schema<>().types(Set.of("array"))
                        .items(new Schema<>().$ref("#/components/schemas/FieldError")))
                .addProperty("policy", text("cancel-notice").description("notice-policy only: the policy that refused"))
                .addProperty("retryable", new Schema<Boolean>().types(Set.of("boolean"))
                        .description("contention only: nothing was written, a retry is safe"));
    }

    private static Schema<String> text(String example) {
        Schema<String> schema = new Schema<String>().types(Set.of("string"));
        schema.example(example);
        return schema;
    }

    private static void examples(Operation operation) {
        String request = switch (String.valueOf(operation.getOperationId())) {
            case "searchSlots" -> """
                    {"jobType":"WINDSCREEN_REPLACEMENT","calibration":true,"centreIds":["C001","C002"],"from":"2026-12-14",
                     "to":"2026-12-18","minNoticeMinutes":120,"stepMinutes":30,"limit":40}""";
            case "holdSlot" -> """
                    {"bookingReference":"GL-7K2M9QXA","jobType":"WINDSCREEN_REPLACEMENT","calibration":true,"centreId":"C001",
                     "mode":"CENTRE","start":"2026-12-14T08:00:00+01:00"}""";
            case "cancelAppointment" -> """
                    {"reason":"the customer sold the car"}""";
            case "rescheduleAppointment" -> """
                    {"start":"2026-12-15T14:00:00+01:00","overrideReason":"the customer is in hospital"}""";
            case "recordAbsence" -> """
                    {"from":"2026-12-21T00:00:00+01:00","to":"2026-12-24T00:00:00+01:00","reason":"LEAVE"}""";
            default -> null;
        };
        if (request != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(m -> m.addExamples("example",
                    new Example().value(EXAMPLES.readValue(request, Object.class))));
        }
        String appointment = """
                {"appointmentId":"0b6f3c1e-8d2a-4c3b-9a57-2f1e4d6c8a90","bookingReference":"GL-7K2M9QXA","centreId":"C001",
                 "mode":"CENTRE","jobType":"WINDSCREEN_REPLACEMENT","calibration":true,
                 "start":"2026-12-14T08:00:00+01:00","end":"2026-12-14T10:15:00+01:00","status":"%s"%s}""";
        String answer = switch (String.valueOf(operation.getOperationId())) {
            case "searchSlots", "searchSlotsOfOneCentre" -> """
                    {"zone":"Europe/Paris","jobDurationMinutes":135,"results":[{"centreId":"C001","mode":"CENTRE",
                     "slots":[{"start":"2026-12-14T08:00:00+01:00","end":"2026-12-14T10:15:00+01:00","capacity":2}]}]}""";
            case "holdSlot" -> appointment.formatted("HELD", ",\"expiresAt\":\"2026-12-09T09:10:00+01:00\"");
            case "getAppointment", "confirmAppointment" -> appointment.formatted("CONFIRMED", "");
            case "cancelAppointment" -> appointment.formatted("CANCELLED", "");
            case "rescheduleAppointment" -> appointment.formatted("CONFIRMED", "")
                    .replace("2026-12-14T08:00", "2026-12-15T14:00").replace("2026-12-14T10:15", "2026-12-15T16:15");
            case "recordAbsence" -> """
                    {"absenceId":"5d0a1c2b-3e4f-4a5b-8c6d-7e8f9a0b1c2d","technicianId":"T00042",
                     "from":"2026-12-21T00:00:00+01:00","to":"2026-12-24T00:00:00+01:00","reason":"LEAVE"}""";
            default -> null;
        };
        if (answer != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getContent() != null && response.getContent().get(JSON) != null) {
                    response.getContent().get(JSON).addExamples("example", new Example().value(EXAMPLES.readValue(answer, Object.class)));
                }
            });
        }
    }
}
