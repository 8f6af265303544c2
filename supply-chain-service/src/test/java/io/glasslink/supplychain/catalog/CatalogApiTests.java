package io.glasslink.supplychain.catalog;

import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Catalogue look-ups by vehicle and by part number over HTTP. */
@SupplyChainIntegrationTest
class CatalogApiTests extends ApiTestSupport {

    @Test
    void listsMakesAndTheModelGenerationsOfAMake() {
        Answer makes = api.get("/api/v1/vehicles/makes");
        Answer models = api.get("/api/v1/vehicles/models?make=Renault");

        assertThat(makes.body().toString()).contains("\"Renault\"", "\"Peugeot\"", "\"Volkswagen\"");
        assertThat(models.body().size()).isEqualTo(20);
        assertThat(models.text("/0/make")).isEqualTo("Renault");
        assertThat(models.body().at("/0/yearFrom").asInt()).isLessThanOrEqualTo(models.body().at("/0/yearTo").asInt());
    }

    @Test
    void findsTheGlassThatFitsAVehicleAndEachPartByNumber() {
        Answer models = api.get("/api/v1/vehicles/models?make=Peugeot");
        String model = models.text("/1/model");
        int year = models.body().at("/1/yearTo").asInt();

        Answer windscreens = api.get("/api/v1/parts?make=Peugeot&model=" + model + "&year=" + year + "&glassType=WINDSCREEN");
        Answer all = api.get("/api/v1/parts?make=peugeot&model=" + model + "&year=" + year);
        String number = windscreens.text("/0/partNumber");
        Answer one = api.get("/api/v1/parts/" + number);

        assertThat(windscreens.body().size()).isBetween(2, 4);
        assertThat(windscreens.body().findValuesAsString("glassType")).containsOnly("WINDSCREEN");
        assertThat(all.body().size()).isGreaterThan(windscreens.body().size());
        assertThat(number).matches("[0-9]{4}A[A-Z0-9]+");
        assertThat(one.text("/description")).contains("Windscreen Peugeot " + model);
        assertThat(one.body().has("adasCamera")).isTrue();
    }

    @Test
    void unknownPartIsNotFoundAndBadVehicleQueriesAreBadRequests() {
        Answer unknown = api.get("/api/v1/parts/1234NOPE");
        Answer badYear = api.get("/api/v1/parts?make=Renault&model=Clio&year=1800");
        Answer badType = api.get("/api/v1/parts?make=Renault&model=Clio&year=2020&glassType=ROOF");
        Answer missingMake = api.get("/api/v1/vehicles/models");

        assertThat(unknown.problem(404).path("instance").asString()).isEqualTo("/api/v1/parts/1234NOPE");
        badYear.problem(400, "year");
        badType.problem(400, "glassType");
        missingMake.problem(400, "make");
    }
}
