package io.glasslink.booking.api;

import java.util.Map;

import io.glasslink.booking.support.IntegrationTest;
import io.glasslink.booking.support.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The partner API over real HTTP, with gateway-minted identities. */
class PartnerApiTest extends IntegrationTest {

    @Autowired
    ObjectMapper json;

    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl(baseUrl())
                .defaultStatusHandler(status -> true, (req, res) -> { })
                .build();
    }

    /** A slot the on-prem side offers (see {@link io.glasslink.booking.support.FakeGateway#slotDay}). */
    static String start(int day, int hour) {
        return GATEWAY.slotStart(day, hour).toString();
    }

    static Map<String, Object> newBooking(String email) {
        return Map.of("jobType", "WINDSCREEN_REPLACEMENT", "calibration", true, "partNumber", "WS-RENAULT-CLIO-5",
                "centreId", "C326", "mode", "CENTRE", "start", start(1, 14),
                "vehicle", Map.of("make", "Renault", "model", "Clio", "year", 2021, "plate", "AB-123-CD"),
                "customer", Map.of("name", "Ada Lovelace", "email", email, "phone", "+33 6 01 02 03 04", "consent", true));
    }

    ResponseEntity<String> post(String partner, String path, String key, Object body) {
        RestClient.RequestBodySpec req = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (partner != null) {
            req.header("X-Glasslink-Identity", TestIdentity.partner(partner));
        }
        if (key != null) {
            req.header("Idempotency-Key", key);
        }
        return req.body(body).retrieve().toEntity(String.class);
    }

    ResponseEntity<String> get(String partner, String path) {
        return http.get().uri(path).header("X-Glasslink-Identity", TestIdentity.partner(partner)).retrieve().toEntity(String.class);
    }

    JsonNode body(ResponseEntity<String> response) {
        return json.readTree(response.getBody());
    }

    @Test
    void callWithoutGatewayIdentityIsUnauthorizedProblem() {
        ResponseEntity<String> r = http.get().uri("/api/v1/bookings").retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(401);
        assertThat(r.getHeaders().getContentType()).satisfies(t -> assertThat(t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        assertThat(body(r).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void identityMintedForAnotherServiceIsRefused() {
        ResponseEntity<String> r = http.get().uri("/api/v1/bookings")
                .header("X-Glasslink-Identity", TestIdentity.token("P1", "planning-service", "glasslink-gateway"))
                .retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void availabilityAsksBothServicesAndKeepsOnlySlotsAfterThePartArrives() {
        ResponseEntity<String> r = post("P1", "/api/v1/availability/search", null, Map.of(
                "jobType", "WINDSCREEN_REPLACEMENT", "calibration", false, "partNumber", "WS-RENAULT-CLIO-5",
                "postcode", "75011", "mode", "CENTRE"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        JsonNode answer = body(r);
        assertThat(answer.get("provisional").asBoolean()).isFalse();
        assertThat(answer.get("slots").size()).isPositive();
        // the fake says the part arrives at noon on its first day, so that day's 09:00 slots are gone
        String firstDay = GATEWAY.slotDay(0).toString();
        answer.get("slots").forEach(s -> assertThat(s.get("start").asString()).doesNotStartWith(firstDay + "T09:00"));
        assertThat(answer.get("slots").get(0).get("start").asString()).startsWith(firstDay + "T14:00");
        assertThat(GATEWAY.calls()).contains("POST /onprem/supply-chain/api/v1/availability/batch",
                "POST /onprem/planning/api/v1/slots/search");
    }

    @Test
    void availabilityFallsBackToProvisionalSlotsWhenTheLinkIsDown() {
        GATEWAY.linkDown(true);
        ResponseEntity<String> r = post("P1", "/api/v1/availability/search", null, Map.of(
                "jobType", "CHIP_REPAIR", "postcode", "69003"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(body(r).get("provisional").asBoolean()).isTrue();
        assertThat(body(r).get("slots").size()).isPositive();
    }

    @Test
    void overseasPostcodeIsUnprocessableAndMalformedOneIsBadRequest() {
        assertThat(post("P1", "/api/v1/availability/search", null, Map.of("jobType", "CHIP_REPAIR", "postcode", "97400"))
                .getStatusCode().value()).isEqualTo(422);
        ResponseEntity<String> bad = post("P1", "/api/v1/availability/search", null,
                Map.of("jobType", "CHIP_REPAIR", "postcode", "75-11"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(body(bad).get("errors").get(0).get("field").asString()).isEqualTo("postcode");
    }

    @Test
    void replayWithTheSameKeyReturnsTheSameBooking() {
        Map<String, Object> booking = newBooking("replay@example.com");
        ResponseEntity<String> first = post("P-REPLAY", "/api/v1/bookings", "key-1", booking);
        ResponseEntity<String> again = post("P-REPLAY", "/api/v1/bookings", "key-1", booking);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(body(first).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(body(again).get("reference").asString()).isEqualTo(body(first).get("reference").asString());
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(body(get("P-REPLAY", "/api/v1/bookings")).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsUnprocessable() {
        post("P-KEY", "/api/v1/bookings", "key-2", newBooking("first@example.com"));
        ResponseEntity<String> other = post("P-KEY", "/api/v1/bookings", "key-2", newBooking("second@example.com"));
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getHeaders().getContentType()).satisfies(t -> assertThat(t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        assertThat(body(other).get("detail").asString()).contains("key-2");
    }

    @Test
    void creatingWithoutIdempotencyKeyIsBadRequest() {
        ResponseEntity<String> r = post("P1", "/api/v1/bookings", null, newBooking("nokey@example.com"));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType()).satisfies(t -> assertThat(t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    }

    @Test
    void invalidBookingNamesEachFieldAndWhy() {
        Map<String, Object> bad = new java.util.HashMap<>(newBooking("not-an-email"));
        bad.put("centreId", "Paris");
        ResponseEntity<String> r = post("P1", "/api/v1/bookings", "key-bad", bad);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(body(r).get("errors").findValuesAsString("field")).contains("customer.email", "centreId");
    }

    @Test
    void anotherPartnersBookingIsNotFound() {
        String ref = body(post("P-OWNER", "/api/v1/bookings", "key-3", newBooking("own@example.com"))).get("reference").asString();
        assertThat(get("P-OWNER", "/api/v1/bookings/" + ref).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> other = get("P-OTHER", "/api/v1/bookings/" + ref);
        assertThat(other.getStatusCode().value()).isEqualTo(404);
        assertThat(other.getHeaders().getContentType()).satisfies(t -> assertThat(t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        assertThat(post("P-OTHER", "/api/v1/bookings/" + ref + "/cancel", null, Map.of()).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void partnerListsItsBookingsPageByPage() {
        for (int i = 0; i < 3; i++) {
            post("P-PAGES", "/api/v1/bookings", "page-" + i, newBooking("page" + i + "@example.com"));
        }
        JsonNode page = body(get("P-PAGES", "/api/v1/bookings?page=0&size=2"));
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(body(get("P-PAGES", "/api/v1/bookings?page=1&size=2")).get("items").size()).isEqualTo(1);
        assertThat(get("P-PAGES", "/api/v1/bookings?size=500").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void partnerCancelsAndReschedulesItsBookings() {
        String a = body(post("P-CHANGE", "/api/v1/bookings", "change-1", newBooking("a@example.com"))).get("reference").asString();
        ResponseEntity<String> cancelled = post("P-CHANGE", "/api/v1/bookings/" + a + "/cancel", null, Map.of());
        assertThat(body(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(post("P-CHANGE", "/api/v1/bookings/" + a + "/cancel", null, Map.of()).getStatusCode().value())
                .isEqualTo(409);

        String b = body(post("P-CHANGE", "/api/v1/bookings", "change-2", newBooking("b@example.com"))).get("reference").asString();
        String newStart = start(2, 9);
        ResponseEntity<String> moved = post("P-CHANGE", "/api/v1/bookings/" + b + "/reschedule", null, Map.of("start", newStart));
        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(java.time.OffsetDateTime.parse(body(moved).get("start").asString()))
                .isEqualTo(java.time.OffsetDateTime.parse(newStart));
    }

    @Test
    void bookingDuringALinkOutageIsAcceptedAsPending() {
        GATEWAY.linkDown(true);
        ResponseEntity<String> r = post("P1", "/api/v1/bookings", "pending-1", newBooking("pending@example.com"));
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(body(r).get("status").asString()).isEqualTo("PENDING");
        assertThat(body(r).get("message").asString()).contains("confirmation will follow");
    }
}
