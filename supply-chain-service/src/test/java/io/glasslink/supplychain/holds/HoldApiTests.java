package io.glasslink.supplychain.holds;

import java.time.Duration;
import java.util.UUID;

import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Part holds over HTTP: hold, idempotent retries, confirm with transfer order, release, expiry, bad input. */
@SupplyChainIntegrationTest
class HoldApiTests extends ApiTestSupport {

    @Autowired
    HoldService holds;

    @Test
    void holdTakesLocalStockFirstAndCountsItAsHeld() {
        String part = data.newPart(null);
        data.stock(part, "C020", 2);

        Answer a = api.post("/api/v1/holds", body(newReference(), part, 1, "C020"));

        assertThat(a.status()).isEqualTo(201);
        assertThat(a.text("/status")).isEqualTo("HELD");
        assertThat(a.text("/sourceLocationId")).isEqualTo("C020");
        assertThat(a.text("/expiresAt")).matches(".*[+-]0[12]:00");
        assertThat(a.location()).endsWith("/api/v1/holds/" + a.text("/holdId"));
        assertThat(data.level(part, "C020")).containsExactly(2, 1, 0);
    }

    @Test
    void retriedHoldAnswersTheSameHoldAndHoldsNothingTwice() {
        String part = data.newPart(null);
        data.stock(part, "C021", 5);
        String reference = newReference();

        Answer first = api.post("/api/v1/holds", body(reference, part, 2, "C021"));
        Answer retry = api.post("/api/v1/holds", body(reference, part, 2, "C021"));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("/holdId")).isEqualTo(first.text("/holdId"));
        assertThat(data.level(part, "C021")).containsExactly(5, 2, 0);
        assertThat(api.get("/api/v1/holds?bookingReference=" + reference).body().size()).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithADifferentBodyIsUnprocessableAndChangesNothing() {
        String part = data.newPart(null);
        data.stock(part, "C022", 5);
        String key = UUID.randomUUID().toString();

        api.post("/api/v1/holds", body(newReference(), part, 1, "C022"), key);
        Answer reused = api.post("/api/v1/holds", body(newReference(), part, 3, "C022"), key);

        assertThat(reused.problem(422).path("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(data.level(part, "C022")).containsExactly(5, 1, 0);
    }

    @Test
    void confirmingADepotHoldAllocatesTheStockAndOrdersATransferOnce() {
        String part = data.newPart(null);
        String depot = data.depotOf("C023");
        data.stock(part, depot, 3);
        Answer held = api.post("/api/v1/holds", body(newReference(), part, 1, "C023"));
        String id = held.text("/holdId");

        Answer confirmed = api.post("/api/v1/holds/" + id + "/confirm", null);
        Answer again = api.post("/api/v1/holds/" + id + "/confirm", null);

        assertThat(held.text("/sourceType")).isEqualTo("DEPOT_TRANSFER");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text("/status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.text("/transferOrderId")).isNotBlank();
        assertThat(again.text("/transferOrderId")).isEqualTo(confirmed.text("/transferOrderId"));
        assertThat(data.level(part, depot)).containsExactly(3, 0, 1);
        assertThat(jdbc.sql("select count(*) from transfer_orders where hold_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void releaseFreesTheStockOnceAndAReleasedHoldCannotBeConfirmed() {
        String part = data.newPart(null);
        data.stock(part, "C024", 1);
        String id = api.post("/api/v1/holds", body(newReference(), part, 1, "C024")).text("/holdId");

        Answer released = api.post("/api/v1/holds/" + id + "/release", null);
        Answer again = api.post("/api/v1/holds/" + id + "/release", null);
        Answer confirm = api.post("/api/v1/holds/" + id + "/confirm", null);

        assertThat(released.text("/status")).isEqualTo("RELEASED");
        assertThat(again.text("/status")).isEqualTo("RELEASED");
        assertThat(confirm.problem(409).path("type").asString()).endsWith("/invalid-state");
        assertThat(data.level(part, "C024")).containsExactly(1, 0, 0);
    }

    @Test
    void lapsedHoldsAreExpiredAndTheirStockFreed() {
        String part = data.newPart(null);
        data.stock(part, "C025", 1);
        String id = api.post("/api/v1/holds", body(newReference(), part, 1, "C025", 30)).text("/holdId");
        clock.advance(Duration.ofSeconds(30));

        Answer confirmLapsed = api.post("/api/v1/holds/" + id + "/confirm", null);
        int expired = holds.expireLapsed(1000);

        confirmLapsed.problem(409);
        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/holds/" + id).text("/status")).isEqualTo("EXPIRED");
        assertThat(data.level(part, "C025")).containsExactly(1, 0, 0);
    }

    @Test
    void noStockAnywhereAndNoSupplierIsAConflictAndNothingIsWritten() {
        String part = data.newPart(null);
        String reference = newReference();

        Answer a = api.post("/api/v1/holds", body(reference, part, 1, "C026"));

        assertThat(a.problem(409).path("type").asString()).endsWith("/insufficient-stock");
        assertThat(api.get("/api/v1/holds?bookingReference=" + reference).body().size()).isZero();
    }

    @Test
    void supplierPartIsHeldAsASupplierOrderWithoutTouchingStock() {
        String part = data.newPart(3);

        Answer a = api.post("/api/v1/holds", body(newReference(), part, 1, "C027"));

        assertThat(a.status()).isEqualTo(201);
        assertThat(a.text("/sourceType")).isEqualTo("SUPPLIER");
    }

    @Test
    void invalidHoldRequestsAreRejectedWithTheRightStatusAndNothingWritten() {
        String part = data.newPart(null);
        data.stock(part, "C028", 5);
        String reference = newReference();

        Answer negative = api.post("/api/v1/holds", body(reference, part, -1, "C028"));
        Answer badTtl = api.post("/api/v1/holds", "{\"bookingReference\":\"" + reference + "\",\"partNumber\":\"" + part
                + "\",\"quantity\":1,\"centreId\":\"C028\",\"ttlSeconds\":-5}");
        Answer unknownPart = api.post("/api/v1/holds", body(reference, "9999NOPART", 1, "C028"));
        Answer unknownCentre = api.post("/api/v1/holds", body(reference, part, 1, "C999"));
        Answer unknownHold = api.get("/api/v1/holds/" + UUID.randomUUID());
        Answer notAnId = api.get("/api/v1/holds/not-a-uuid");

        negative.problem(400, "quantity");
        badTtl.problem(400, "ttlSeconds");
        unknownPart.problem(422, "partNumber");
        unknownCentre.problem(422, "centreId");
        unknownHold.problem(404);
        notAnId.problem(400, "holdId");
        assertThat(data.level(part, "C028")).containsExactly(5, 0, 0);
    }

    static String body(String reference, String part, int quantity, String centre) {
        return "{\"bookingReference\":\"" + reference + "\",\"partNumber\":\"" + part + "\",\"quantity\":" + quantity
                + ",\"centreId\":\"" + centre + "\"}";
    }

    static String body(String reference, String part, int quantity, String centre, int ttlSeconds) {
        return body(reference, part, quantity, centre).replace("}", ",\"ttlSeconds\":" + ttlSeconds + "}");
    }

    static String newReference() {
        return "BK-" + UUID.randomUUID();
    }
}
