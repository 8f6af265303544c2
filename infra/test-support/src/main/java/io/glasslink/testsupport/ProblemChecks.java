package io.glasslink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error shape of glasslink (RFC 9457, docs/contracts.md "Errors"), checked on an answer
 * as any client receives it: {@code application/problem+json}; {@code type} is one of the problem
 * types listed in docs/contracts.md and is listed for this status; {@code title}, {@code status}
 * (equal to the HTTP status), {@code detail} and {@code instance} are present; validation errors
 * carry {@code errors: [{"field", "message"}]}. Every service's tests run it on its own answers.
 */
public final class ProblemChecks {

    /** Where every problem type lives. */
    public static final String TYPE_BASE = "https://glasslink.io/problems/";

    private static final Pattern TYPE_ROW = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|\\s*([0-9, ]+)\\|");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile Map<String, String> listed;

    private ProblemChecks() {
    }

    /**
     * Checks one answer.
     *
     * @param status      the HTTP status received
     * @param contentType the Content-Type header received
     * @param body        the body received
     * @return the parsed problem, for further assertions
     */
    public static JsonNode check(int status, String contentType, String body) {
        expect(contentType != null && contentType.toLowerCase().startsWith("application/problem+json"),
                "Content-Type is application/problem+json, was " + contentType + " (status " + status + ", body " + body + ")");
        JsonNode p;
        try {
            p = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new AssertionError("problem body is not JSON: " + body, e);
        }
        expect(p.isObject(), "problem body is a JSON object: " + body);
        String type = text(p, "type");
        expect(type.startsWith(TYPE_BASE), "type is under " + TYPE_BASE + ": " + type);
        String slug = type.substring(TYPE_BASE.length());
        String statuses = listedTypes().get(slug);
        expect(statuses != null, "type '" + slug + "' is listed in docs/contracts.md (\"Problem types\"): " + body);
        expect(statuses.contains(Integer.toString(status)),
                "type '" + slug + "' is listed for status " + status + " (listed: " + statuses + ")");
        expect(!text(p, "title").isBlank(), "title is present: " + body);
        expect(p.path("status").isInt() && p.path("status").intValue() == status,
                "status member equals the HTTP status " + status + ": " + body);
        expect(p.has("detail") && p.get("detail").isString(), "detail is present: " + body);
        expect(p.has("instance") && p.get("instance").isString() && p.get("instance").asString().startsWith("/"),
                "instance is the request path: " + body);
        if (p.has("errors")) {
            expect(p.get("errors").isArray() && !p.get("errors").isEmpty(), "errors is a non-empty array: " + body);
            for (JsonNode error : p.get("errors")) {
                expect(!text(error, "field").isBlank() && !text(error, "message").isBlank(),
                        "each error names a field and a message: " + body);
            }
        }
        return p;
    }

    /**
     * Checks one answer with its headers: as {@link #check(int, String, String)}, and that a 503 or a
     * 429 says when to retry ({@code Retry-After}), so does a 504, and a 405 lists the allowed methods ({@code Allow}).
     *
     * @param header the answer's header by name (case-insensitive), null when absent
     */
    public static JsonNode check(int status, Function<String, String> header, String body) {
        JsonNode p = check(status, header.apply("Content-Type"), body);
        if (status == 503 || status == 504 || status == 429) {
            String retryAfter = header.apply("Retry-After");
            expect(retryAfter != null && !retryAfter.isBlank(), "a " + status + " carries Retry-After: " + body);
        }
        if (status == 405) {
            String allow = header.apply("Allow");
            expect(allow != null && !allow.isBlank(), "a 405 carries Allow: " + body);
        }
        return p;
    }

    /** Checks one answer and that it names {@code field} among its field errors. */
    public static JsonNode checkFieldError(int status, String contentType, String body, String field) {
        JsonNode p = check(status, contentType, body);
        boolean named = false;
        for (JsonNode error : p.path("errors")) {
            named |= field.equals(error.path("field").asString(""));
        }
        expect(named, "the problem names field '" + field + "': " + body);
        return p;
    }

    /** The problem types docs/contracts.md lists, each with the statuses it is used for. */
    public static Map<String, String> listedTypes() {
        Map<String, String> types = listed;
        if (types == null) {
            types = new LinkedHashMap<>();
            boolean inSection = false;
            for (String line : contractsLines()) {
                if (line.startsWith("## ")) {
                    inSection = line.startsWith("## Problem types");
                    continue;
                }
                Matcher m = TYPE_ROW.matcher(line);
                if (inSection && m.find()) {
                    types.put(m.group(1), m.group(2).trim());
                }
            }
            expect(!types.isEmpty(), "docs/contracts.md has a \"## Problem types\" table");
            listed = types;
        }
        return types;
    }

    static Iterable<String> contractsLines() {
        try {
            return Files.readAllLines(Repository.file("docs/contracts.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        expect(v != null && v.isString(), "'" + field + "' is a string in " + node);
        return v.asString();
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** The repository's files, found from the module directory a test runs in. */
    static final class Repository {

        private Repository() {
        }

        static Path file(String relative) {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(relative);
                if (Files.isRegularFile(candidate) && Files.isRegularFile(dir.resolve("mvnw"))) {
                    return candidate;
                }
            }
            throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
        }
    }
}
