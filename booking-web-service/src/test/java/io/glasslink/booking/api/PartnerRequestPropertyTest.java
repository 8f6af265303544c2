package io.glasslink.booking.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.glasslink.booking.support.IntegrationTest;
import io.glasslink.booking.support.RawHttp;
import io.glasslink.booking.support.RawHttp.Answer;
import io.glasslink.booking.support.Requests;
import io.glasslink.booking.support.TestIdentity;
import io.glasslink.testsupport.ProblemChecks;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid partner requests, mutated (types, nulls, missing fields, boundaries, control and zero-width characters,
 * sizes, content types, duplicate keys, unknown fields), sent over real HTTP with a valid identity token to the
 * running service of the integration tests: never a 5xx, every error a problem+json with a listed type, and never
 * a stored booking, key or hold for a refused request — nor any answer but a refusal for a request broken on purpose.
 */
class PartnerRequestPropertyTest {

    static final String PARTNER = "P-PROPERTIES";
    static final AtomicInteger KEYS = new AtomicInteger();
    static final AtomicInteger TRIES = new AtomicInteger();
    static long started;
    static RawHttp http;
    static JdbcClient jdbc;

    /** The integration tests' configuration: Spring's context cache gives back the context they already started. */
    static final class Service extends IntegrationTest {
        static void reset() {
            CLOCK.reset();
            GATEWAY.reset();
        }

        static long holdCalls() {
            return GATEWAY.calls().stream().filter(c -> c.endsWith("/appointments") || c.endsWith("/holds")).count();
        }
    }

    @BeforeContainer
    static void service() throws Exception {
        ApplicationContext context = new TestContextManager(Service.class).getTestContext().getApplicationContext();
        http = new RawHttp("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
        jdbc = context.getBean(JdbcClient.class);
        Service.reset();
        started = System.nanoTime();
    }

    @AfterContainer
    static void report() {
        System.out.printf("PartnerRequestPropertyTest: %d tries in %.1f s%n", TRIES.get(),
                (System.nanoTime() - started) / 1e9);
    }

    @Property(tries = 1200, shrinking = ShrinkingMode.BOUNDED)
    void aMutatedRequestIsNeverA5xxAlwaysAProblemAndNeverStoredWhenRefused(@ForAll("requests") Mutated request) {
        long bookings = count("select count(*) from booking where partner_id = ?");
        long keys = count("select count(*) from partner_request where partner_id = ?");
        long holds = Service.holdCalls();

        Answer answer = send(request);
        TRIES.incrementAndGet();

        assertThat(answer.status()).as(request + " -> " + answer.body()).isLessThan(500);
        if (answer.status() >= 400) {
            ProblemChecks.check(answer.status(), answer.header("content-type"), answer.body());
            assertThat(count("select count(*) from booking where partner_id = ?")).as("booking stored for " + request).isEqualTo(bookings);
            assertThat(count("select count(*) from partner_request where partner_id = ?")).as("key stored for " + request).isEqualTo(keys);
            assertThat(Service.holdCalls()).as("hold sent for " + request).isEqualTo(holds);
        }
        if (request.broken()) {
            assertThat(answer.status()).as("refused: " + request + " -> " + answer.body()).isBetween(400, 499);
        }
    }

    private static long count(String sql) {
        return jdbc.sql(sql).param(PARTNER).query(Long.class).single();
    }

    private static Answer send(Mutated request) {
        List<String> headers = new ArrayList<>(List.of("X-Glasslink-Identity", TestIdentity.partner(PARTNER)));
        if (request.contentType() != null) {
            headers.addAll(List.of("Content-Type", request.contentType()));
        }
        if (request.accept() != null) {
            headers.addAll(List.of("Accept", request.accept()));
        }
        if (request.path().equals("/api/v1/bookings") && request.key() != null) {
            headers.addAll(List.of("Idempotency-Key", request.key()));
        }
        return http.send("POST", request.path(), request.body(), headers.toArray(String[]::new));
    }

    /** A request as sent, and whether it breaks a rule on purpose (then it must be refused). */
    record Mutated(String path, byte[] body, String contentType, String accept, String key, boolean broken, String what) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return what + " " + path + " [" + contentType + "] " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /** One change to a request, and whether it breaks a rule for sure. */
    record Change(String what, boolean breaks, java.util.function.UnaryOperator<ObjectNode> apply) {
    }

    @Provide
    Arbitrary<Mutated> requests() {
        Arbitrary<Boolean> booking = Arbitraries.of(true, true, true, false);
        Arbitrary<List<Change>> changes = change().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("application/json;charset=UTF-8")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("*/*", "text/plain", "application/xml", "x/y;;", "application/json;charset=ISO-8859-1",
                        "multipart/form-data", "application/x-www-form-urlencoded")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<String> accept = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("application/json", "*/*", "text/html", "application/xml", "application/problem+json")));
        Arbitrary<String> key = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.just("fresh")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "k".repeat(129), "key with spaces", "tab\tkey")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<String> encoding = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.just("utf-8")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("broken-utf-8", "latin-1", "duplicate-key", "truncated", "trailing", "huge")));
        return Combinators.combine(booking, changes, contentType, accept, key, encoding).as(PartnerRequestPropertyTest::build);
    }

    private static Mutated build(boolean isBooking, List<Change> changes, String contentType, String accept, String key,
                                 String encoding) {
        ObjectNode request = isBooking ? Requests.newBooking("prop@example.com") : Requests.search();
        boolean broken = false;
        StringBuilder what = new StringBuilder(isBooking ? "booking" : "search");
        // the changes that break a rule come last, so no later change undoes them
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort(java.util.Comparator.comparing(Change::breaks));
        for (Change change : ordered) {
            request = change.apply().apply(request);
            broken |= change.breaks();
            what.append(" +").append(change.what());
        }
        String text = request.toString();
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        switch (encoding) {
            case "broken-utf-8" -> {
                // 0xC3 0x28 is not UTF-8: put it inside the first property name
                byte[] bad = new byte[body.length + 2];
                bad[0] = body[0];
                bad[1] = body[1];
                bad[2] = (byte) 0xC3;
                bad[3] = (byte) 0x28;
                System.arraycopy(body, 2, bad, 4, body.length - 2);
                body = bad;
                broken = true;
            }
            case "latin-1" -> body = text.getBytes(StandardCharsets.ISO_8859_1);
            case "duplicate-key" -> {
                body = text.replaceFirst("\\{", "{\"postcode\":\"75011\",").getBytes(StandardCharsets.UTF_8);
                broken = text.contains("\"postcode\"");
            }
            case "truncated" -> {
                body = text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8);
                broken = true;
            }
            case "trailing" -> {
                body = (text + "{}").getBytes(StandardCharsets.UTF_8);
                broken = true;
            }
            case "huge" -> {
                body = ("{\"pad\":\"" + "a".repeat(70_000) + "\"," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
                broken = true;
            }
            default -> { }
        }
        what.append(" ~").append(encoding);
        boolean typeOk = contentType != null && contentType.startsWith("application/json");
        broken |= !typeOk;
        String idempotencyKey = "fresh".equals(key) ? "prop-" + KEYS.incrementAndGet() : key;
        broken |= isBooking && !"fresh".equals(key);
        broken |= accept != null && !accept.equals("application/json") && !accept.equals("*/*");
        return new Mutated(isBooking ? "/api/v1/bookings" : "/api/v1/availability/search", body, contentType, accept,
                idempotencyKey, broken, what.toString());
    }

    /** The fields of a booking and a search, dotted for nested ones. */
    static final List<String> FIELDS = List.of("jobType", "calibration", "partNumber", "centreId", "mode", "postcode",
            "start", "from", "vehicle", "customer", "vehicle.make", "vehicle.model", "vehicle.year", "vehicle.plate",
            "customer.name", "customer.email", "customer.phone", "customer.consent");

    static final List<String> REQUIRED = List.of("jobType", "centreId", "start", "vehicle", "customer", "vehicle.make",
            "vehicle.model", "vehicle.year", "customer.name", "customer.email", "customer.phone", "customer.consent",
            "postcode");

    private static Arbitrary<Change> change() {
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<JsonNode> value = Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 5).map(i -> (JsonNode) JsonNodeFactory.instance.numberNode(i)),
                Arbitraries.of(0L, -1L, 1949L, 1950L, 2100L, 1L << 40, Long.MAX_VALUE, 1_765_000_000L)
                        .map(n -> (JsonNode) JsonNodeFactory.instance.numberNode(n)),
                Arbitraries.of(1.5, -0.0, 1e308, 2021.0).map(d -> (JsonNode) JsonNodeFactory.instance.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) JsonNodeFactory.instance.booleanNode(b)),
                Arbitraries.just((JsonNode) JsonNodeFactory.instance.nullNode()),
                // a new container each time: one shared node, set into a request and then given a field, ended up
                // inside itself (a cycle, written as JSON 501 levels deep)
                Arbitraries.create(() -> (JsonNode) JsonNodeFactory.instance.arrayNode()),
                Arbitraries.create(() -> (JsonNode) JsonNodeFactory.instance.objectNode()),
                text().map(s -> (JsonNode) JsonNodeFactory.instance.stringNode(s)));
        Arbitrary<Change> replace = Combinators.combine(field, value).as((f, v) -> new Change("set " + f + "=" + v,
                false, r -> set(r, f, v)));
        Arbitrary<Change> remove = field.map(f -> new Change("remove " + f, false, r -> remove(r, f)));
        Arbitrary<Change> unknown = Arbitraries.of("calibraton", "extra", "customer.nickname", "vehicle.colour")
                .map(f -> new Change("unknown " + f, true, r -> set(r, f, JsonNodeFactory.instance.stringNode("x"))));
        Arbitrary<Change> control = Combinators.combine(Arbitraries.of("partNumber", "centreId", "vehicle.make",
                        "customer.name", "customer.email", "customer.phone", "postcode", "vehicle.plate"),
                Arbitraries.of("\u0000", "\u0001", "\t", "\n", "\u001F", "\u007F", "\u0085", "\u009F"))
                .as((f, c) -> new Change("control " + f, true, r -> set(r, f, JsonNodeFactory.instance.stringNode("A" + c + "1"))));
        Arbitrary<Change> invisible = Arbitraries.of("vehicle.make", "vehicle.model", "customer.name", "customer.phone")
                .map(f -> new Change("invisible " + f, true, r -> set(r, f,
                        JsonNodeFactory.instance.stringNode("\u200B\u2060\uFEFF \u00A0"))));
        Arbitrary<Change> start = Arbitraries.of("1970-01-01T00:00:00Z", "2020-01-01T10:00:00+01:00",
                        "9999-12-31T23:59:59+01:00", "2026-13-01T10:00:00+01:00", "tomorrow", "")
                .map(s -> new Change("start " + s, true, r -> r.has("start") ? r.put("start", s) : r.put("from", s)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, replace),
                net.jqwik.api.Tuple.of(3, remove),
                net.jqwik.api.Tuple.of(2, unknown),
                net.jqwik.api.Tuple.of(2, control),
                net.jqwik.api.Tuple.of(1, invisible),
                net.jqwik.api.Tuple.of(2, start));
    }

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(0).ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u0000', '\u00A0').ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().withChars('\u200B', '\u200D', '\u2060', '\uFEFF', '\u202E', 'é', 'ß', '😀').ofMaxLength(8),
                Arbitraries.of("WINDSCREEN_REPLACEMENT", "CHIP_REPAIR", "HOME", "CENTRE", "C326", "C000", "75011",
                        "97400", "2021", "true", "null", "0"),
                Arbitraries.integers().between(119, 260).map("x"::repeat));
    }

    private static ObjectNode set(ObjectNode request, String path, JsonNode value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            request.set(path, value);
            return request;
        }
        JsonNode parent = request.get(path.substring(0, dot));
        if (parent instanceof ObjectNode object) {
            object.set(path.substring(dot + 1), value);
        } else {
            request.set(path, value);
        }
        return request;
    }

    private static ObjectNode remove(ObjectNode request, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            request.remove(path);
        } else if (request.get(path.substring(0, dot)) instanceof ObjectNode object) {
            object.remove(path.substring(dot + 1));
        }
        return request;
    }
}
