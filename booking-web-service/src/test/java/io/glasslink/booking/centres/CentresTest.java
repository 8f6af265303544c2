package io.glasslink.booking.centres;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CentresTest {

    static Centres centres;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream csv = CentresTest.class.getResourceAsStream("/reference/centres.csv")) {
            centres = Centres.fromCsv(csv);
        }
    }

    @Test
    void nearestCentresToAParisPostcodeAreInParisFirstAndSortedByDistance() {
        List<Centres.Nearby> near = centres.near(new Postcode("75011"), 5);
        assertThat(near).hasSize(5);
        assertThat(near.get(0).centre().departement()).isEqualTo("75");
        assertThat(near).isSortedAccordingTo((a, b) -> Double.compare(a.distanceKm(), b.distanceKm()));
    }

    @Test
    void theNearestCentresKeptPerOriginAreThePrefixOfTheWholeRanking() {
        Postcode lyon = new Postcode("69003");
        List<Centres.Nearby> whole = centres.near(lyon, 450);

        assertThat(centres.near(lyon, 5)).isEqualTo(whole.subList(0, 5));
        assertThat(centres.near(lyon, 5)).isEqualTo(whole.subList(0, 5)); // asked again: the kept list
        assertThat(centres.near(lyon, Centres.NEAR_KEPT)).isEqualTo(whole.subList(0, Centres.NEAR_KEPT));
        assertThat(centres.near(lyon, Centres.NEAR_KEPT + 1)).isEqualTo(whole.subList(0, Centres.NEAR_KEPT + 1));
    }

    @Test
    void homeJobsAreServedByTheVanCentresOfTheDepartement() {
        assertThat(centres.vanCentresFor(new Postcode("69003")))
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.departement()).isEqualTo("69");
                    assertThat(c.vans()).isPositive();
                });
    }

    @Test
    void overseasPostcodeIsNotServed() {
        assertThatThrownBy(() -> centres.near(new Postcode("97400"), 5)).isInstanceOf(PostcodeNotServedException.class);
    }

    @Test
    void malformedPostcodeIsRefused() {
        assertThatThrownBy(() -> new Postcode("7501")).isInstanceOf(Postcode.MalformedPostcodeException.class);
        assertThatThrownBy(() -> new Postcode("ABCDE")).isInstanceOf(Postcode.MalformedPostcodeException.class);
    }
}
