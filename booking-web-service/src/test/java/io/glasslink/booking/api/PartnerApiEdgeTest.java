package io.glasslink.booking.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

import io.glasslink.booking.bookings.Bookings;
import io.glasslink.booking.support.IntegrationTest;
import io.glasslink.booking.support.RawHttp;
import io.glasslink.booking.support.RawHttp.Answer;
import io.glasslink.booking.support.Requests;
import io.glasslink.booking.support.TestIdentity;
import io.glasslink.booking.support.Writes;
import io.glasslink.testsupport.CloudEventChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner API's edge (issue #14): strict input, business rules before anything is written, every error as
 * problem+json with a listed type, and times with the Paris offset. Each refused request is shown to leave no
 * booking, no idempotency key, no outbox event and no hold call to on-prem.
 */
class PartnerApiEdgeTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Bookings bookingLeases;

    RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(baseUrl());
    }

    /** Books {@code booking} after {@code change}, expects a problem naming {@code field}, and that nothing was written. */
    private JsonNode refused(int status, String field, Consumer<ObjectNode> change) {
        ObjectNode booking = Requests.newBooking("edge@example.com");
        change.accept(booking);
        return refused(status, field, booking.toString());
    }

    private JsonNode refused(int status, String field, String body) {
        Writes before = Writes.now(jdbc);
        Answer answer = http.postJson("/api/v1/bookings", "P-EDGE", "edge-" + System.nanoTime(), body);
        assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(status);
        JsonNode problem = answer.problem(field);
        before.unchanged(jdbc, body);
        return problem;
    }

    @Test
    void consentMustBeTrueAndGiven() {
        JsonNode problem = refused(422, "customer.consent", b -> ((ObjectNode) b.get("customer")).put("consent", false));
        assertThat(problem.get("type").asString()).endsWith("/unprocessable");
        refused(400, "customer.consent", b -> ((ObjectNode) b.get("customer")).put("consent", 0));
        refused(400, "customer.consent", b -> ((ObjectNode) b.get("customer")).put("consent", -1));
        refused(400, "customer.consent", b -> ((ObjectNode) b.get("customer")).put("consent", "true"));
        refused(400, "customer.consent", b -> ((ObjectNode) b.get("customer")).putNull("consent"));
        refused(400, "customer.consent", b -> ((ObjectNode) b.get("customer")).remove("consent"));
    }

    @Test
    void theStartMustBeASlotTheSearchCanOffer() {
        refused(400, "start", b -> b.put("start", 1_765_000_000L));
        refused(400, "start", b -> b.put("start", 1_765_000_000.5));
        refused(422, "start", b -> b.put("start", "1970-01-01T00:00:00Z"));
        refused(422, "start", b -> b.put("start", "2020-01-01T10:00:00+01:00"));
        refused(422, "start", b -> b.put("start", "9999-12-31T23:59:59+01:00"));
        OffsetDateTime slot = GATEWAY.slotStart(1, 14);
        refused(422, "start", b -> b.put("start", slot.plusSeconds(7).toString()));
        refused(422, "start", b -> b.put("start", slot.plusMinutes(30).toString()));
        // beyond the 60-day horizon, at an otherwise fine time
        refused(422, "start", b -> b.put("start", slot.plusWeeks(10).toString()));
        // sooner than the minimum notice of 2 hours
        refused(422, "start", b -> b.put("start", CLOCK.instant().plus(Duration.ofMinutes(60))
                .atZone(java.time.ZoneId.of("Europe/Paris")).withMinute(0).withSecond(0).withNano(0)
                .plusHours(1).toOffsetDateTime().toString()));
        // after closing time: the replacement with calibration lasts 2 h 15
        refused(422, "start", b -> b.put("start", slot.withHour(17).toString()));
        refused(400, "start", b -> b.put("start", "tomorrow at nine"));
    }

    @Test
    void aNumberIsNotAnEnumOrABoolean() {
        refused(400, "jobType", b -> b.put("jobType", 0));
        refused(400, "mode", b -> b.put("mode", 0));
        refused(400, "calibration", b -> b.put("calibration", 0));
        refused(400, "calibration", b -> b.put("calibration", -1));
        refused(400, "vehicle.year", b -> ((ObjectNode) b.get("vehicle")).put("year", "2021"));
        refused(400, "vehicle.make", b -> ((ObjectNode) b.get("vehicle")).put("make", 42));
    }

    @Test
    void theCentreMustExistAndServeTheMode() {
        refused(422, "centreId", b -> b.put("centreId", "C000"));
        refused(422, "centreId", b -> b.put("centreId", "C999"));
        refused(400, "centreId", b -> b.put("centreId", "Paris"));
        // C326 is in Paris: its vans do not serve a Lyon postcode
        refused(422, "mode", b -> b.put("mode", "HOME").put("postcode", "69003"));
        refused(400, "postcode", b -> b.put("mode", "HOME"));
    }

    @Test
    void theVehicleYearIsBetween1950AndNextYearByTheClock() {
        int next = java.time.LocalDate.ofInstant(CLOCK.instant(), java.time.ZoneId.of("Europe/Paris")).getYear() + 1;
        refused(422, "vehicle.year", b -> ((ObjectNode) b.get("vehicle")).put("year", 2100));
        refused(422, "vehicle.year", b -> ((ObjectNode) b.get("vehicle")).put("year", next + 1));
        refused(422, "vehicle.year", b -> ((ObjectNode) b.get("vehicle")).put("year", 1949));
    }

    @Test
    void textMadeOnlyOfInvisibleCharactersIsEmpty() {
        refused(400, "customer.name", b -> ((ObjectNode) b.get("customer")).put("name", "\u200B\u200C\u200D\uFEFF"));
        refused(400, "customer.name", b -> ((ObjectNode) b.get("customer")).put("name", " \u00A0\u2003 "));
        refused(400, "vehicle.make", b -> ((ObjectNode) b.get("vehicle")).put("make", "\u2060"));
    }

    @Test
    void controlCharactersAreRefusedInEveryStringField() {
        for (String path : new String[] {"partNumber", "centreId", "vehicle.make", "vehicle.model", "vehicle.plate",
                "customer.name", "customer.email", "customer.phone"}) {
            for (String control : new String[] {"\u0000", "\u0007", "\n", "\u007F", "\u0085"}) {
                refused(400, path, b -> {
                    ObjectNode parent = path.contains(".") ? (ObjectNode) b.get(path.substring(0, path.indexOf('.'))) : b;
                    String name = path.substring(path.indexOf('.') + 1);
                    parent.put(name, "A" + control + "1");
                });
            }
        }
    }

    @Test
    void stringsAreTrimmedAndHaveAStatedMaximumLength() {
        refused(400, "customer.name", b -> ((ObjectNode) b.get("customer")).put("name", "A".repeat(121)));
        refused(400, "vehicle.plate", b -> ((ObjectNode) b.get("vehicle")).put("plate", "P".repeat(17)));
        refused(400, "customer.email", b -> ((ObjectNode) b.get("customer")).put("email", "a".repeat(250) + "@x.fr"));
        ObjectNode booking = Requests.newBooking("  trimmed@example.com  ");
        ((ObjectNode) booking.get("customer")).put("name", "  Ada Lovelace\u2003");
        Answer made = http.postJson("/api/v1/bookings", "P-TRIM", "trim-1", booking.toString());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String reference = Requests.JSON.readTree(made.body()).get("reference").asString();
        assertThat(jdbc.sql("select customer_name || '|' || customer_email from booking where reference = ?")
                .param(reference).query(String.class).single()).isEqualTo("Ada Lovelace|trimmed@example.com");
    }

    @Test
    void unknownAndDuplicatePropertiesAreRefused() {
        JsonNode misspelt = refused(400, "calibraton", b -> b.put("calibraton", true));
        assertThat(misspelt.get("errors").get(0).get("message").asString()).contains("not a known property");
        refused(400, "customer.nickname", b -> ((ObjectNode) b.get("customer")).put("nickname", "Ada"));
        String duplicate = Requests.newBooking("dup@example.com").toString()
                .replace("\"jobType\":\"WINDSCREEN_REPLACEMENT\"", "\"jobType\":\"WINDSCREEN_REPLACEMENT\",\"jobType\":\"CHIP_REPAIR\"");
        refused(400, "body", duplicate);
        refused(400, "body", "{\"jobType\":");
        refused(400, "body", Requests.newBooking("x@example.com") + " trailing");
        refused(400, "body", "[]");
    }

    @Test
    void aBodyThatIsNotJsonOrTooLargeIsRefusedWithItsOwnStatus() {
        byte[] body = Requests.newBooking("ct@example.com").toString().getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {"*/*", "text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
            Writes before = Writes.now(jdbc);
            Answer answer = http.send("POST", "/api/v1/bookings", body, "Content-Type", type,
                    "X-Glasslink-Identity", TestIdentity.partner("P-EDGE"), "Idempotency-Key", "ct-" + type);
            assertThat(answer.status()).as(type).isEqualTo(415);
            assertThat(answer.problem().get("type").asString()).endsWith("/unsupported-media-type");
            before.unchanged(jdbc, type);
        }
        Writes before = Writes.now(jdbc);
        Answer large = http.send("POST", "/api/v1/bookings", ("{\"x\":\"" + "a".repeat(70_000) + "\"}").getBytes(),
                "Content-Type", "application/json", "X-Glasslink-Identity", TestIdentity.partner("P-EDGE"),
                "Idempotency-Key", "large");
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.problem().get("type").asString()).endsWith("/content-too-large");
        // the same body sent in chunks, without a declared length
        Answer chunked = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/bookings"))
                .header("Content-Type", "application/json").header("X-Glasslink-Identity", TestIdentity.partner("P-EDGE"))
                .header("Idempotency-Key", "chunked")
                .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(java.net.http.HttpRequest.BodyPublishers
                        .ofString("{\"x\":\"" + "a".repeat(70_000) + "\"}"))).build());
        assertThat(chunked.status()).isEqualTo(413);
        chunked.problem();
        before.unchanged(jdbc, "large bodies");
    }

    @Test
    void everyFrameworkErrorIsAProblemWithItsListedType() {
        String identity = TestIdentity.partner("P-EDGE");
        Answer unauthenticated = http.send("GET", "/api/v1/bookings", null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.problem().get("type").asString()).endsWith("/unauthenticated");
        Answer expired = http.send("GET", "/api/v1/bookings", null, "X-Glasslink-Identity",
                TestIdentity.partner("P-EDGE", java.time.Clock.offset(CLOCK, Duration.ofMinutes(-5))));
        assertThat(expired.status()).isEqualTo(401);
        expired.problem();
        Answer notAPartner = http.send("GET", "/api/v1/bookings", null, "X-Glasslink-Identity",
                TestIdentity.token(null, "booking-web-service", "glasslink-gateway"));
        assertThat(notAPartner.status()).isEqualTo(403);
        assertThat(notAPartner.problem().get("type").asString()).endsWith("/not-a-partner");
        Answer unknownRoute = http.send("GET", "/api/v1/nothing-here", null, "X-Glasslink-Identity", identity);
        assertThat(unknownRoute.status()).isEqualTo(404);
        unknownRoute.problem();
        Answer unknownBooking = http.send("GET", "/api/v1/bookings/GL-00000000", null, "X-Glasslink-Identity", identity);
        assertThat(unknownBooking.status()).isEqualTo(404);
        unknownBooking.problem();
        Answer garbledReference = http.send("GET", "/api/v1/bookings/%00x", null, "X-Glasslink-Identity", identity);
        assertThat(garbledReference.status()).isIn(400, 404);
        Answer method = http.send("DELETE", "/api/v1/bookings", null, "X-Glasslink-Identity", identity);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.header("allow")).contains("GET", "POST");
        assertThat(method.problem().get("type").asString()).endsWith("/method-not-allowed");
        Answer accept = http.send("GET", "/api/v1/bookings", null, "X-Glasslink-Identity", identity, "Accept", "text/csv");
        assertThat(accept.status()).isEqualTo(406);
        assertThat(accept.problem().get("type").asString()).endsWith("/not-acceptable");
        Answer page = http.send("GET", "/api/v1/bookings?size=500", null, "X-Glasslink-Identity", identity);
        assertThat(page.status()).isEqualTo(400);
        page.problem("size");
        Answer pageType = http.send("GET", "/api/v1/bookings?page=first", null, "X-Glasslink-Identity", identity);
        assertThat(pageType.status()).isEqualTo(400);
        pageType.problem("page");
        Answer noKey = http.postJson("/api/v1/bookings", "P-EDGE", null, Requests.newBooking("k@example.com").toString());
        assertThat(noKey.status()).isEqualTo(400);
        noKey.problem("Idempotency-Key");
        Answer badKey = http.postJson("/api/v1/bookings", "P-EDGE", "key with spaces", Requests.newBooking("k@example.com").toString());
        assertThat(badKey.status()).isEqualTo(400);
        badKey.problem("Idempotency-Key");
    }

    @Test
    void anUnexpectedErrorSaysNothingMoreThanServerError() {
        // a partner id longer than the database column: the gateway never mints one, so it is unexpected here
        String tooLong = TestIdentity.partner("P".repeat(100));
        Writes before = Writes.now(jdbc);
        Answer answer = http.send("POST", "/api/v1/bookings",
                Requests.newBooking("long@example.com").toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "X-Glasslink-Identity", tooLong, "Idempotency-Key", "long-partner");
        assertThat(answer.status()).isEqualTo(500);
        JsonNode problem = answer.problem();
        assertThat(problem.get("type").asString()).endsWith("/server-error");
        assertThat(problem.get("detail").asString()).isEqualTo("an unexpected error occurred");
        assertThat(answer.body()).doesNotContainIgnoringCase("sql").doesNotContain("Exception");
        before.unchanged(jdbc, "an unexpected error");
    }

    @Test
    void errorsRaisedOutsideSpringMvcAreProblemsToo() {
        // the site's CSRF check refuses in a filter; the container's error page answers
        Answer csrf = http.send("POST", "/book", "make=Renault".getBytes(), "Content-Type",
                "application/x-www-form-urlencoded", "Accept", "application/json");
        assertThat(csrf.status()).isEqualTo(403);
        assertThat(csrf.problem().get("type").asString()).endsWith("/forbidden");
        // headers over Tomcat's limit are refused by Tomcat itself, before any servlet: still a problem, with 431
        Answer headers = http.send("GET", "/api/v1/bookings", null, "X-Glasslink-Identity",
                TestIdentity.partner("P-EDGE"), "X-Padding", "x".repeat(20_000));
        assertThat(headers.status()).isEqualTo(431);
        headers.problem();
        for (String console : new String[] {"/actuator/loggers", "/actuator/env", "/actuator/threaddump"}) {
            Answer refused = http.send("GET", console, null);
            assertThat(refused.status()).as(console).isEqualTo(401);
            refused.problem();
        }
        Answer ops = http.send("GET", "/actuator/metrics", null);
        assertThat(ops.status()).isEqualTo(401);
        assertThat(ops.header("www-authenticate")).startsWith("Basic");
        ops.problem();
    }

    @Test
    void aCancelWhileTheBackOfficeCannotBeReachedIs202CancellingARepeatCompletesItAndAThirdIsA409() {
        Answer made = http.postJson("/api/v1/bookings", "P-EDGE-503", "503-1", Requests.newBooking("u@example.com").toString());
        String reference = Requests.JSON.readTree(made.body()).get("reference").asString();
        GATEWAY.linkDown(true);
        Answer cancel = http.send("POST", "/api/v1/bookings/" + reference + "/cancel", null,
                "X-Glasslink-Identity", TestIdentity.partner("P-EDGE-503"));
        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.header("location")).isEqualTo("/api/v1/bookings/" + reference);
        assertThat(Requests.JSON.readTree(cancel.body()).get("status").asString()).isEqualTo("CANCELLING");
        GATEWAY.linkDown(false);
        Answer repeated = http.send("POST", "/api/v1/bookings/" + reference + "/cancel", null,
                "X-Glasslink-Identity", TestIdentity.partner("P-EDGE-503"));
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(Requests.JSON.readTree(repeated.body()).get("status").asString()).isEqualTo("CANCELLED");
        Answer again = http.send("POST", "/api/v1/bookings/" + reference + "/cancel", null,
                "X-Glasslink-Identity", TestIdentity.partner("P-EDGE-503"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem().get("type").asString()).endsWith("/invalid-state");
    }

    @Test
    void aChangeWhileAnotherHoldsTheBookingIsA409ContentionThatSaysItCanBeRetried() {
        Answer made = http.postJson("/api/v1/bookings", "P-EDGE-BUSY", "busy-1", Requests.newBooking("b@example.com").toString());
        String reference = Requests.JSON.readTree(made.body()).get("reference").asString();
        assertThat(bookingLeases.lease(reference, Duration.ofSeconds(60))).isTrue();
        try {
            Answer cancel = http.send("POST", "/api/v1/bookings/" + reference + "/cancel", null,
                    "X-Glasslink-Identity", TestIdentity.partner("P-EDGE-BUSY"));
            JsonNode problem = cancel.problem();
            assertThat(cancel.status()).isEqualTo(409);
            assertThat(problem.get("type").asString()).endsWith("/contention");
            assertThat(problem.get("retryable").asBoolean()).isTrue();
        } finally {
            bookingLeases.unlease(reference);
        }
    }

    @Test
    void theNoticePolicyNamesItself() {
        Answer made = http.postJson("/api/v1/bookings", "P-EDGE-NOTICE", "notice-1", Requests.newBooking("n@example.com").toString());
        JsonNode booking = Requests.JSON.readTree(made.body());
        CLOCK.set(OffsetDateTime.parse(booking.get("start").asString()).toInstant().minus(Duration.ofHours(3)));
        Answer cancel = http.send("POST", "/api/v1/bookings/" + booking.get("reference").asString() + "/cancel", null,
                "X-Glasslink-Identity", TestIdentity.partner("P-EDGE-NOTICE"));
        assertThat(cancel.status()).isEqualTo(409);
        JsonNode problem = cancel.problem();
        assertThat(problem.get("type").asString()).endsWith("/notice-policy");
        assertThat(problem.get("policy").asString()).isEqualTo("min-notice-24h");
    }

    @Test
    void aRescheduleMustAlsoLandOnASlotTheSearchCanOffer() {
        Answer made = http.postJson("/api/v1/bookings", "P-EDGE-MOVE", "move-1", Requests.newBooking("m@example.com").toString());
        String reference = Requests.JSON.readTree(made.body()).get("reference").asString();
        Writes before = Writes.now(jdbc);
        for (String start : new String[] {"2020-01-01T10:00:00+01:00", GATEWAY.slotStart(2, 9).plusSeconds(7).toString()}) {
            Answer moved = http.postJson("/api/v1/bookings/" + reference + "/reschedule", "P-EDGE-MOVE", null,
                    "{\"start\":\"" + start + "\"}");
            assertThat(moved.status()).isEqualTo(422);
            moved.problem("start");
        }
        Answer epoch = http.postJson("/api/v1/bookings/" + reference + "/reschedule", "P-EDGE-MOVE", null, "{\"start\":0}");
        assertThat(epoch.status()).isEqualTo(400);
        epoch.problem("start");
        before.unchanged(jdbc, "refused reschedules");
        assertThat(GATEWAY.calls()).noneMatch(c -> c.endsWith("/reschedule"));
    }

    @Test
    void theSearchRefusesWhatItCannotAnswer() {
        for (String[] bad : new String[][] {
                {"jobType", "0"}, {"calibration", "1"}, {"postcode", "75011"}, {"mode", "\"AT_HOME\""}, {"from", "20261209"},
                {"surprise", "true"}}) {
            ObjectNode search = Requests.search();
            search.set(bad[0], Requests.JSON.readTree(bad[1]));
            Answer answer = http.postJson("/api/v1/availability/search", "P-EDGE", null, search.toString());
            assertThat(answer.status()).as(search.toString()).isEqualTo(400);
            answer.problem(bad[0]);
        }
        ObjectNode past = Requests.search().put("from", "2020-01-01");
        http.postJson("/api/v1/availability/search", "P-EDGE", null, past.toString()).problem("from");
        ObjectNode overseas = Requests.search().put("postcode", "97400");
        Answer notServed = http.postJson("/api/v1/availability/search", "P-EDGE", null, overseas.toString());
        assertThat(notServed.status()).isEqualTo(422);
        assertThat(notServed.problem("postcode").get("type").asString()).endsWith("/not-served");
    }

    @Test
    void answersGiveTimesWithTheParisOffsetOfThatInstant() {
        Answer search = http.postJson("/api/v1/availability/search", "P-EDGE-TIME", null, Requests.search().toString());
        for (JsonNode slot : Requests.JSON.readTree(search.body()).get("slots")) {
            CloudEventChecks.checkParisTime(slot.get("start").asString(), "slot start");
            CloudEventChecks.checkParisTime(slot.get("end").asString(), "slot end");
        }
        Answer made = http.postJson("/api/v1/bookings", "P-EDGE-TIME", "time-1", Requests.newBooking("t@example.com").toString());
        JsonNode booking = Requests.JSON.readTree(made.body());
        CloudEventChecks.checkParisTime(booking.get("start").asString(), "booking start");
        CloudEventChecks.checkParisTime(booking.get("end").asString(), "booking end");
        CloudEventChecks.checkParisTime(booking.get("createdAt").asString(), "booking createdAt");
        JsonNode read = Requests.JSON.readTree(http.send("GET", "/api/v1/bookings/" + booking.get("reference").asString(),
                null, "X-Glasslink-Identity", TestIdentity.partner("P-EDGE-TIME")).body());
        CloudEventChecks.checkParisTime(read.get("start").asString(), "read start");
        CloudEventChecks.checkParisTime(read.get("createdAt").asString(), "read createdAt");
    }
}
