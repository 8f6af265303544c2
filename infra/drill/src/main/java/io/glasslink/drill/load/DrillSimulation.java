package io.glasslink.drill.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGenerator;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * A steady mix through the gateway while the drill breaks things:
 * <ul>
 * <li>partners (two API keys): search, book with an {@code Idempotency-Key}, replay the same request
 * (same booking expected), read it back, then cancel a quarter and reschedule a sixth of them;</li>
 * <li>web customers: home page, the slot step of the booking pages (a search), book through the
 * form, look the booking up on the manage page and cancel a quarter of them.</li>
 * </ul>
 * Every answer goes to {@link Outcomes} too; a third scenario ends the run once the drill calls
 * {@link Outcomes#finish()}.
 */
public class DrillSimulation extends Simulation {

    private static final String PARTNER_SEARCH = "/api/v1/availability/search";
    private static final String PARTNER_BOOKINGS = "/api/v1/bookings";
    private static final List<String> PARTNER_KEYS = List.of("dev-partner-key-1", "dev-partner-key-2");

    private final LoadSettings settings = LoadSettings.current();

    {
        HttpProtocolBuilder protocol = http.baseUrl(settings.gatewayUrl())
                .acceptHeader("application/json, text/html;q=0.9")
                .userAgentHeader("glasslink-drill")
                .disableFollowRedirect()
                .shareConnections();
        setUp(
                partners().injectOpen(constantUsersPerSec(settings.partnersPerSecond()).during(settings.maxDuration())),
                webCustomers().injectOpen(constantUsersPerSec(settings.webCustomersPerSecond()).during(settings.maxDuration())),
                watcher().injectOpen(atOnceUsers(1)))
                .protocols(protocol)
                .maxDuration(settings.maxDuration().plusMinutes(5));
    }

    private ScenarioBuilder partners() {
        return scenario("partner")
                .exec(s -> {
                    LoadSettings.Vehicle v = pick(settings.vehicles());
                    return s.setAll(java.util.Map.of("key", pick(PARTNER_KEYS), "postcode", pick(settings.postcodes()),
                            "part", v.windscreen(), "make", v.make(), "model", v.model(), "year", v.year()));
                })
                .exec(call("partner: search", http("partner: search").post(PARTNER_SEARCH)
                        .header("X-API-Key", "#{key}")
                        .body(StringBody(s -> "{\"jobType\":\"WINDSCREEN_REPLACEMENT\",\"calibration\":false,\"partNumber\":\""
                                + s.getString("part") + "\",\"postcode\":\"" + s.getString("postcode") + "\",\"mode\":\"CENTRE\"}"))
                        .asJson()
                        .check(status().in(200, 422, 429),
                                jsonPath("$.slots[*].centreId").findAll().optional().saveAs("centres"),
                                jsonPath("$.slots[*].start").findAll().optional().saveAs("starts"))))
                .exec(DrillSimulation::pickSlot)
                .doIf(s -> s.contains("start")).then(exec(s -> s.set("idem", UUID.randomUUID().toString())
                                .set("bookingBody", partnerBooking(s)))
                        .exec(call("partner: book", book("partner: book")))
                        .exec(s -> {
                            if (s.contains("status") && s.getInt("status") == 201 && s.contains("ref")) {
                                Outcomes.accepted(s.getString("ref"), "partner", s.getString("bookingStatus"));
                                return s.set("booked", s.getString("ref"));
                            }
                            return s.remove("booked");
                        })
                        .doIf(s -> s.contains("booked")).then(pause(Duration.ofMillis(200), Duration.ofSeconds(1))
                                .exec(call("partner: book again (same Idempotency-Key)", book("partner: book again (same Idempotency-Key)")))
                                .exec(s -> {
                                    if (s.contains("status") && s.getInt("status") / 100 == 2
                                            && !s.getString("booked").equals(s.getString("ref"))) {
                                        Outcomes.replayMismatch(s.getString("idem") + ": " + s.getString("booked") + " then " + s.getString("ref"));
                                    }
                                    return s;
                                })
                                .exec(call("partner: get booking", http("partner: get booking").get(PARTNER_BOOKINGS + "/#{booked}")
                                        .header("X-API-Key", "#{key}").check(status().in(200, 429))))
                                .exec(s -> s.set("next", nextStep()))
                                .doIf(s -> "cancel".equals(s.getString("next"))).then(
                                        call("partner: cancel", http("partner: cancel").post(PARTNER_BOOKINGS + "/#{booked}/cancel")
                                                .header("X-API-Key", "#{key}").check(status().in(200, 409, 429))))
                                .doIf(s -> "reschedule".equals(s.getString("next")) && s.contains("otherStart")).then(
                                        call("partner: reschedule", http("partner: reschedule").post(PARTNER_BOOKINGS + "/#{booked}/reschedule")
                                                .header("X-API-Key", "#{key}")
                                                .body(StringBody("{\"start\":\"#{otherStart}\"}")).asJson()
                                                .check(status().in(200, 409, 422, 429))))));
    }

    private HttpRequestActionBuilder book(String name) {
        return http(name).post(PARTNER_BOOKINGS)
                .header("X-API-Key", "#{key}")
                .header("Idempotency-Key", "#{idem}")
                .body(StringBody("#{bookingBody}")).asJson()
                .check(status().in(201, 200, 409, 422, 429),
                        jsonPath("$.reference").optional().saveAs("ref"),
                        jsonPath("$.status").optional().saveAs("bookingStatus"));
    }

    private ScenarioBuilder webCustomers() {
        return scenario("web customer")
                .exec(s -> {
                    LoadSettings.Vehicle v = pick(settings.vehicles());
                    boolean chip = ThreadLocalRandom.current().nextInt(3) == 0;
                    return s.setAll(java.util.Map.of("make", v.make(), "model", v.model(), "year", v.year(),
                            "postcode", pick(settings.postcodes()),
                            "damageType", chip ? "CHIP" : "CRACK",
                            "damageSize", chip ? "SMALLER_THAN_2_EURO_COIN" : "LARGER_THAN_2_EURO_COIN",
                            "email", "drill-" + UUID.randomUUID() + "@example.com"));
                })
                .exec(call("web: home page", http("web: home page").get("/").check(status().is(200))))
                .exec(call("web: slot step", http("web: slot step").get("/book/slot")
                        .queryParam("make", "#{make}").queryParam("model", "#{model}").queryParam("year", "#{year}")
                        .queryParam("damageType", "#{damageType}").queryParam("damageSize", "#{damageSize}")
                        .queryParam("inDriverView", "true").queryParam("impacts", "1")
                        .queryParam("postcode", "#{postcode}").queryParam("mode", "CENTRE")
                        .check(status().is(200),
                                regex("value=\"(C\\d{3}\\|[^\"]+)\"").findAll().optional().saveAs("webSlots"),
                                regex("name=\"_csrf\" value=\"([^\"]+)\"").optional().saveAs("csrf"))))
                .exec(s -> s.contains("webSlots") ? s.set("slot", pick(s.<String>getList("webSlots"))) : s.remove("slot"))
                .doIf(s -> s.contains("slot") && s.contains("csrf")).then(
                        exec(call("web: book", http("web: book").post("/book")
                                .formParam("make", "#{make}").formParam("model", "#{model}").formParam("year", "#{year}")
                                .formParam("plate", "DR-123-IL")
                                .formParam("damageType", "#{damageType}").formParam("damageSize", "#{damageSize}")
                                .formParam("inDriverView", "true").formParam("impacts", "1")
                                .formParam("postcode", "#{postcode}").formParam("mode", "CENTRE")
                                .formParam("slot", "#{slot}")
                                .formParam("name", "Drill Customer").formParam("email", "#{email}")
                                .formParam("phone", "+33 6 01 02 03 04").formParam("consent", "true")
                                .formParam("_csrf", "#{csrf}")
                                .check(status().in(302, 200),
                                        header("Location").optional().saveAs("location"))))
                        .exec(s -> {
                            String location = s.contains("location") ? s.getString("location") : "";
                            int at = location.indexOf("/book/confirmation/");
                            if (at >= 0) {
                                String ref = location.substring(at + "/book/confirmation/".length());
                                Outcomes.accepted(ref, "web", null);
                                return s.set("webRef", ref);
                            }
                            return s.remove("webRef");
                        })
                        .doIf(s -> s.contains("webRef")).then(pause(Duration.ofMillis(200), Duration.ofSeconds(1))
                                .exec(call("web: manage", http("web: manage").post("/manage")
                                        .formParam("reference", "#{webRef}").formParam("email", "#{email}")
                                        .formParam("_csrf", "#{csrf}").check(status().is(200))))
                                .doIf(s -> ThreadLocalRandom.current().nextInt(4) == 0).then(
                                        call("web: cancel", http("web: cancel").post("/manage/cancel")
                                                .formParam("reference", "#{webRef}").formParam("email", "#{email}")
                                                .formParam("_csrf", "#{csrf}").check(status().is(200))))));
    }

    /** One user that ends the run once the drill is done with its faults. */
    private static ScenarioBuilder watcher() {
        return scenario("drill watcher")
                .asLongAs(s -> !Outcomes.finished()).on(pause(Duration.ofMillis(250)))
                .exec(stopLoadGenerator("the drill is done"));
    }

    /** A request whose answer also goes to {@link Outcomes} (status, Retry-After, or no answer). */
    private static ChainBuilder call(String name, HttpRequestActionBuilder request) {
        return exec(s -> s.removeAll("status", "retryAfter").set("sentAt", System.nanoTime())
                        .set("sentAtMillis", System.currentTimeMillis()).markAsSucceeded())
                .exec(request.check(status().saveAs("status"), header("Retry-After").optional().saveAs("retryAfter")))
                .exec(s -> {
                    if (s.contains("status")) {
                        Outcomes.request(s.getLong("sentAtMillis"), name, s.getInt("status"), s.contains("retryAfter"), null);
                    } else {
                        long took = System.nanoTime() - s.getLong("sentAt");
                        Outcomes.request(s.getLong("sentAtMillis"), name, -1, false,
                                took >= Duration.ofSeconds(29).toNanos() ? "timeout" : "no answer");
                    }
                    return s;
                });
    }

    private static Session pickSlot(Session s) {
        if (!s.contains("starts")) {
            return s.removeAll("start", "centreId", "otherStart");
        }
        List<String> starts = s.getList("starts");
        List<String> centres = s.getList("centres");
        if (starts.isEmpty()) {
            return s.removeAll("start", "centreId", "otherStart");
        }
        int i = ThreadLocalRandom.current().nextInt(starts.size());
        Session picked = s.set("start", starts.get(i)).set("centreId", centres.get(i)).remove("otherStart");
        for (int j = 0; j < starts.size(); j++) {
            if (j != i && centres.get(j).equals(centres.get(i))) {
                return picked.set("otherStart", starts.get(j));
            }
        }
        return picked;
    }

    private static String partnerBooking(Session s) {
        return "{\"jobType\":\"WINDSCREEN_REPLACEMENT\",\"calibration\":false,\"partNumber\":\"" + s.getString("part")
                + "\",\"centreId\":\"" + s.getString("centreId") + "\",\"mode\":\"CENTRE\",\"start\":\"" + s.getString("start")
                + "\",\"vehicle\":{\"make\":\"" + s.getString("make") + "\",\"model\":\"" + s.getString("model")
                + "\",\"year\":" + s.getInt("year") + ",\"plate\":\"DR-123-IL\"},"
                + "\"customer\":{\"name\":\"Drill Partner Customer\",\"email\":\"drill@example.com\","
                + "\"phone\":\"+33 6 01 02 03 04\",\"consent\":true}}";
    }

    private static String nextStep() {
        int r = ThreadLocalRandom.current().nextInt(12);
        return r < 3 ? "cancel" : r < 5 ? "reschedule" : "keep";
    }

    private static <T> T pick(List<T> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }
}
