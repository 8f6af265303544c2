package io.glasslink.supplychain.availability;

import java.time.OffsetDateTime;

import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Availability over HTTP against the real database: sources, holds honoured, batch, homes, bad input. */
@SupplyChainIntegrationTest
class AvailabilityApiTests extends ApiTestSupport {


    @Test
    void partInStockAtTheCentreIsAvailableNowFromLocalStock() {
        String part = data.newPart(5);
        data.stock(part, "C001", 2);

        Answer a = api.get("/api/v1/availability?partNumber=" + part + "&centreId=C001");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text("/source/type")).isEqualTo("LOCAL_STOCK");
        assertThat(a.text("/source/locationId")).isEqualTo("C001");
        assertThat(a.text("/destination/type")).isEqualTo("CENTRE");
        assertThat(a.text("/zone")).isEqualTo("Europe/Paris");
        assertThat(a.text("/earliestAvailableAt")).matches(".*[+-]0[12]:00");
    }

    @Test
    void sourcesGetFartherAsNearerStockRunsOut() {
        String part = data.newPart(4);
        String depot = data.depotOf("C002");
        data.stock(part, depot, 1);
        data.stock(part, "DC", 1);

        Answer fromDepot = api.get("/api/v1/availability?partNumber=" + part + "&centreId=C002");
        Answer twoFromDc = api.get("/api/v1/availability?partNumber=" + part + "&quantity=2&centreId=C002");
        data.stock(part, "DC", 0);
        Answer twoFromSupplier = api.get("/api/v1/availability?partNumber=" + part + "&quantity=2&centreId=C002");

        assertThat(fromDepot.text("/source/type")).isEqualTo("DEPOT_TRANSFER");
        assertThat(fromDepot.text("/source/locationId")).isEqualTo(depot);
        assertThat(twoFromDc.text("/source/type")).isEqualTo("DEPOT_TRANSFER".equals(twoFromDc.text("/source/type"))
                ? "never" : "SUPPLIER");
        assertThat(twoFromSupplier.text("/source/type")).isEqualTo("SUPPLIER");
        assertThat(OffsetDateTime.parse(twoFromSupplier.text("/earliestAvailableAt")))
                .isAfter(OffsetDateTime.parse(fromDepot.text("/earliestAvailableAt")));
    }

    @Test
    void stockAtTheDcComesThroughTheDepotLaterThanDepotStock() {
        String part = data.newPart(null);
        data.stock(part, "DC", 3);

        Answer a = api.get("/api/v1/availability?partNumber=" + part + "&centreId=C003");

        assertThat(a.text("/source/type")).isEqualTo("DC_TRANSFER");
        assertThat(a.text("/source/locationId")).isEqualTo("DC");
        assertThat(a.body().at("/source/transitDays").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void heldStockIsNoLongerAvailable() {
        String part = data.newPart(6);
        data.stock(part, "C004", 1);
        jdbc.sql("update stock set held = 1 where part_number = ? and location_id = 'C004'").param(part).update();

        Answer a = api.get("/api/v1/availability?partNumber=" + part + "&centreId=C004");

        assertThat(a.text("/source/type")).isEqualTo("SUPPLIER");
    }

    @Test
    void discontinuedPartWithNoStockLeftIsAConflict() {
        String part = data.newPart(null);

        Answer a = api.get("/api/v1/availability?partNumber=" + part + "&centreId=C001");

        assertThat(a.problem(409).path("type").asString()).endsWith("/part-unavailable");
    }

    @Test
    void batchAnswersEveryCentreInTheOrderAsked() {
        String part = data.newPart(null);
        data.stock(part, "C010", 1);

        Answer a = api.post("/api/v1/availability/batch",
                "{\"partNumber\":\"" + part + "\",\"quantity\":1,\"centreIds\":[\"C010\",\"C200\",\"C011\"]}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text("/zone")).isEqualTo("Europe/Paris");
        assertThat(a.body().at("/results").size()).isEqualTo(3);
        assertThat(a.text("/results/0/centreId")).isEqualTo("C010");
        assertThat(a.body().at("/results/0/available").asBoolean()).isTrue();
        assertThat(a.text("/results/0/source/type")).isEqualTo("LOCAL_STOCK");
        assertThat(a.text("/results/1/centreId")).isEqualTo("C200");
        assertThat(a.body().at("/results/1/available").asBoolean()).isFalse();
    }

    @Test
    void homeJobIsServedByAVanCentreOfThePostcodesDepartement() {
        Answer a = api.get("/api/v1/availability?partNumber=" + seededPart() + "&postcode=75011");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text("/destination/type")).isEqualTo("HOME");
        assertThat(a.text("/destination/postcode")).isEqualTo("75011");
        String centre = a.text("/destination/centreId");
        assertThat(jdbc.sql("select departement from locations where location_id = ?").param(centre)
                .query(String.class).single()).isEqualTo("75");
    }

    @Test
    void malformedPostcodeIsABadRequestAndOverseasPostcodeIsNotServed() {
        Answer malformed = api.get("/api/v1/availability?partNumber=" + seededPart() + "&postcode=7501A");
        Answer overseas = api.get("/api/v1/availability?partNumber=" + seededPart() + "&postcode=97400");

        malformed.problem(400, "postcode");
        assertThat(overseas.problem(422, "postcode").path("type").asString()).endsWith("/not-served");
    }

    @Test
    void unknownPartOrCentreIsNotFound() {
        api.get("/api/v1/availability?partNumber=9999ZZZZZZ&centreId=C001").problem(404);
        api.get("/api/v1/availability?partNumber=" + seededPart() + "&centreId=C999").problem(404);
    }

    @Test
    void malformedCentreIdsTooMuchAndOverlongFieldsAreNamedInTheProblem() {
        Answer badCentre = api.post("/api/v1/availability/batch",
                "{\"partNumber\":\"" + seededPart() + "\",\"centreIds\":[\"C001\",\"X12\",\"C1234\"]}");
        Answer tooMany = api.get("/api/v1/availability?partNumber=" + seededPart() + "&quantity=51&centreId=C001");
        Answer blankAndLong = api.get("/api/v1/availability?partNumber=&centreId=C0000000001");

        badCentre.problem(400, "centreIds[1]");
        assertThat(badCentre.body().at("/errors").size()).isEqualTo(2);
        badCentre.problem(400, "centreIds[2]");
        assertThat(badCentre.text("/instance")).isEqualTo("/api/v1/availability/batch");
        tooMany.problem(400, "quantity");
        blankAndLong.problem(400, "partNumber");
        blankAndLong.problem(400, "centreId");
    }

    @Test
    void badQuantitiesAndMissingDestinationAreBadRequestsWithProblemDetails() {
        Answer negative = api.get("/api/v1/availability?partNumber=" + seededPart() + "&quantity=-1&centreId=C001");
        Answer notANumber = api.get("/api/v1/availability?partNumber=" + seededPart() + "&quantity=two&centreId=C001");
        Answer noDestination = api.get("/api/v1/availability?partNumber=" + seededPart());
        Answer badBatch = api.post("/api/v1/availability/batch", "{\"partNumber\":\"X\",\"quantity\":0,\"centreIds\":[]}");
        Answer brokenJson = api.post("/api/v1/availability/batch", "{\"partNumber\":");

        negative.problem(400, "quantity");
        notANumber.problem(400, "quantity");
        noDestination.problem(400, "centreId");
        noDestination.problem(400, "postcode");
        badBatch.problem(400, "quantity");
        badBatch.problem(400, "centreIds");
        brokenJson.problem(400);
    }

    @Test
    void hugeBodyIsRefusedAsTooLarge() {
        String huge = "{\"partNumber\":\"" + "A".repeat(200_000) + "\"}";

        Answer a = api.post("/api/v1/availability/batch", huge);

        assertThat(a.problem(413).path("type").asString()).endsWith("/content-too-large");
    }

    private String seededPart() {
        return jdbc.sql("select part_number from stock where location_id = 'DC' and part_number not like '0000T%'"
                + " order by on_hand desc, part_number limit 1").query(String.class).single();
    }
}
