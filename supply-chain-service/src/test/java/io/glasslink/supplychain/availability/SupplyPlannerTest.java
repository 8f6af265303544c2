package io.glasslink.supplychain.availability;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import io.glasslink.supplychain.calendar.BusinessCalendar;
import io.glasslink.supplychain.catalog.GlassType;
import io.glasslink.supplychain.catalog.Part;
import io.glasslink.supplychain.network.Location;
import io.glasslink.supplychain.network.LocationType;
import io.glasslink.supplychain.network.Network;
import io.glasslink.testsupport.NamedDates;
import io.glasslink.testsupport.NamedDates.NamedDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class SupplyPlannerTest {

    static final Location DC = new Location("DC", LocationType.DC, "DC", null, "45", 0, 0, 0, null, 0, LocalTime.NOON);
    static final Location DEPOT = new Location("D01", LocationType.DEPOT, "Depot", null, "59", 0, 0, 0, "DC", 2,
            LocalTime.of(15, 0));
    static final Location CENTRE = new Location("C001", LocationType.CENTRE, "Centre", "59000", "59", 0, 0, 1, "D01", 1,
            null);

    final SupplyPlanner planner = new SupplyPlanner(new Network(List.of(DC, DEPOT, CENTRE)), new BusinessCalendar());

    static Part part(Integer supplierDays) {
        return new Part("1234AGNMV1B", GlassType.WINDSCREEN, "w", false, false, false, false, supplierDays);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.glasslink.supplychain.availability.NamedDateLeadTimes#namedDates")
    void leadTimesOnNamedDatesFollowCutOffsWeekendsHolidaysAndTheParisOffset(NamedDate date, List<String> expected) {
        List<SupplyOption> options = planner.options(part(5), CENTRE, date.instant());

        assertThat(options).extracting(o -> o.source().type()).containsExactly(SourceType.LOCAL_STOCK,
                SourceType.DEPOT_TRANSFER, SourceType.DC_TRANSFER, SourceType.SUPPLIER);
        assertThat(options).extracting(o -> o.earliestAvailableAt().toOffsetDateTime())
                .containsExactlyElementsOf(expected.stream().map(OffsetDateTime::parse).toList());
    }

    @Test
    void everyNamedDateHasItsExpectedAnswer() {
        assertThat(NamedDateLeadTimes.EXPECTED).containsOnlyKeys(NamedDates.list().stream().map(NamedDate::name).toList());
    }

    static Instant paris(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BusinessCalendar.ZONE).toInstant();
    }

    static ZonedDateTime at8(String date) {
        return java.time.LocalDate.parse(date).atTime(8, 0).atZone(BusinessCalendar.ZONE);
    }

    @Test
    void localStockIsThereNowAndDepotStockBeforeCutOffArrivesNextWorkingDay() {
        // Tuesday 1 Dec 2026, 10:00 Paris
        List<SupplyOption> options = planner.options(part(5), CENTRE, paris("2026-12-01T10:00"));

        assertThat(options.get(0).earliestAvailableAt()).isEqualTo(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, BusinessCalendar.ZONE));
        assertThat(options.get(1).earliestAvailableAt()).isEqualTo(at8("2026-12-02"));
        // DC before its noon cut-off: 2 days to the depot + 1 to the centre
        assertThat(options.get(2).earliestAvailableAt()).isEqualTo(at8("2026-12-04"));
        assertThat(options.get(2).source().transitDays()).isEqualTo(3);
        // supplier: 5 working days to the DC, then the same 3 (Sunday 6 Dec skipped)
        assertThat(options.get(3).earliestAvailableAt()).isEqualTo(at8("2026-12-10"));
    }

    @Test
    void ordersAfterTheCutOffShipTheNextWorkingDay() {
        List<SupplyOption> beforeDepotCutoff = planner.options(part(5), CENTRE, paris("2026-12-01T14:59"));
        List<SupplyOption> afterDepotCutoff = planner.options(part(5), CENTRE, paris("2026-12-01T15:00"));
        List<SupplyOption> beforeDcCutoff = planner.options(part(5), CENTRE, paris("2026-12-01T11:59"));
        List<SupplyOption> afterDcCutoff = planner.options(part(5), CENTRE, paris("2026-12-01T12:00"));

        assertThat(beforeDepotCutoff.get(1).earliestAvailableAt()).isEqualTo(at8("2026-12-02"));
        assertThat(afterDepotCutoff.get(1).earliestAvailableAt()).isEqualTo(at8("2026-12-03"));
        assertThat(beforeDcCutoff.get(2).earliestAvailableAt()).isEqualTo(at8("2026-12-04"));
        assertThat(afterDcCutoff.get(2).earliestAvailableAt()).isEqualTo(at8("2026-12-05"));
    }

    @Test
    void nothingShipsOnSundaysOrPublicHolidaysAndNothingArrivesOnThem() {
        // Tuesday 10 Nov 2026 before cut-off → would arrive Wed 11 Nov (Armistice) → Thursday 12
        assertThat(planner.options(part(5), CENTRE, paris("2026-11-10T09:00")).get(1).earliestAvailableAt())
                .isEqualTo(at8("2026-11-12"));
        // Wednesday 5 May 2027 before cut-off → would arrive on Ascension Day (Thursday 6 May) → Friday 7
        assertThat(planner.options(part(5), CENTRE, paris("2027-05-05T09:00")).get(1).earliestAvailableAt())
                .isEqualTo(at8("2027-05-07"));
    }

    @Test
    void discontinuedPartHasNoSupplierOption() {
        List<SupplyOption> options = planner.options(part(null), CENTRE, paris("2026-07-01T09:00"));

        assertThat(options).extracting(o -> o.source().type()).doesNotContain(SourceType.SUPPLIER);
        assertThat(options.get(1).earliestAvailableAt().toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2026-07-02T08:00:00+02:00"));
    }
}
