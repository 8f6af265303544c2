package io.glasslink.supplychain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.availability.NamedDateLeadTimes;
import io.glasslink.supplychain.holds.HoldService;
import io.glasslink.testsupport.NamedDates;
import io.glasslink.testsupport.NamedDates.NamedDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's answers on each of the {@link NamedDates}, its clock pinned there: availability from
 * each kind of source (cut-offs, weekends, holidays, the Paris offset of the answer) and hold expiry.
 */
@SupplyChainIntegrationTest
class NamedDatesApiTests extends ApiTestSupport {

    /** A hold placed at these moments for an hour expires across a DST change. */
    static final Map<String, String> HOUR_LATER = Map.of(
            NamedDates.DST_SPRING.name(), "2026-03-29T03:30:00+02:00",
            NamedDates.DST_AUTUMN.name(), "2026-10-25T02:30:00+01:00");

    @Autowired
    HoldService holds;

    String centre;
    String depot;

    @BeforeEach
    void centreOneDayFromItsDepotTwoDaysFromTheDc() {
        centre = jdbc.sql("select c.location_id from locations c join locations d on d.location_id = c.upstream_id"
                + " where c.type = 'CENTRE' and c.transit_days = 1 and d.transit_days = 2 order by c.location_id limit 1")
                .query(String.class).single();
        depot = data.depotOf(centre);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.glasslink.supplychain.availability.NamedDateLeadTimes#namedDates")
    void earliestAvailabilityFromEachSourceOnNamedDates(NamedDate date, List<String> expected) {
        String local = data.newPart(5);
        data.stock(local, centre, 1);
        String atDepot = data.newPart(5);
        data.stock(atDepot, depot, 1);
        String atDc = data.newPart(5);
        data.stock(atDc, "DC", 1);
        String fromSupplier = data.newPart(5);
        clock.set(date.instant());

        List<Answer> answers = List.of(availability(local), availability(atDepot), availability(atDc),
                availability(fromSupplier));

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers).extracting(a -> a.text("/source/type"))
                .containsExactly("LOCAL_STOCK", "DEPOT_TRANSFER", "DC_TRANSFER", "SUPPLIER");
        assertThat(answers).extracting(a -> a.text("/earliestAvailableAt")).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void holdPlacedOnANamedDateExpiresAfterItsTimeToLiveInParisTime(NamedDate date) {
        String part = data.newPart(null);
        data.stock(part, centre, 1);
        clock.set(date.instant());

        Answer held = api.post("/api/v1/holds", "{\"bookingReference\":\"BK-" + java.util.UUID.randomUUID()
                + "\",\"partNumber\":\"" + part + "\",\"quantity\":1,\"centreId\":\"" + centre + "\",\"ttlSeconds\":3600}");
        String id = held.text("/holdId");
        clock.advance(Duration.ofMinutes(59));
        holds.expireLapsed(1000);
        String beforeExpiry = api.get("/api/v1/holds/" + id).text("/status");
        clock.advance(Duration.ofMinutes(1));
        Answer confirmLapsed = api.post("/api/v1/holds/" + id + "/confirm", null);
        holds.expireLapsed(1000);

        assertThat(held.status()).isEqualTo(201);
        // the clock ticks on from the named moment: the answer is a few milliseconds later, with the offset of then
        assertThat(OffsetDateTime.parse(held.text("/expiresAt")).truncatedTo(ChronoUnit.MINUTES)).isEqualTo(
                OffsetDateTime.parse(HOUR_LATER.getOrDefault(date.name(), date.at().plusHours(1).toString())));
        assertThat(held.text("/earliestAvailableAt")).isEqualTo(NamedDateLeadTimes.EXPECTED.get(date.name()).get(0));
        assertThat(beforeExpiry).isEqualTo("HELD");
        assertThat(confirmLapsed.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/holds/" + id).text("/status")).isEqualTo("EXPIRED");
        assertThat(data.level(part, centre)).containsExactly(1, 0, 0);
    }

    private Answer availability(String part) {
        return api.get("/api/v1/availability?partNumber=" + part + "&centreId=" + centre);
    }
}
