package io.glasslink.supplychain.seed;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.glasslink.supplychain.catalog.Part;
import io.glasslink.supplychain.network.Location;
import io.glasslink.supplychain.network.LocationType;
import io.glasslink.supplychain.seed.ReferenceDataGenerator.Centre;
import io.glasslink.supplychain.seed.ReferenceDataGenerator.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDataGeneratorTest {

    static List<Centre> centres;
    static Dataset data;

    @BeforeAll
    static void generate() throws Exception {
        try (var csv = new InputStreamReader(new ClassPathResource("reference/centres.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            centres = ReferenceDataGenerator.readCentres(csv);
        }
        data = ReferenceDataGenerator.generate(centres);
    }

    @Test
    void sameSeedGivesTheSameDataSet() {
        assertThat(ReferenceDataGenerator.generate(centres)).isEqualTo(data);
        assertThat(ReferenceDataGenerator.generate(centres, 7).parts()).isNotEqualTo(data.parts());
    }

    @Test
    void networkHasTheDcTwentyDepotsAndEveryCentreSuppliedByADepot() {
        Map<LocationType, Long> byType = data.locations().stream()
                .collect(Collectors.groupingBy(Location::type, Collectors.counting()));
        assertThat(byType).containsEntry(LocationType.DC, 1L).containsEntry(LocationType.DEPOT, 20L)
                .containsEntry(LocationType.CENTRE, 450L);
        assertThat(data.locations()).filteredOn(l -> l.type() == LocationType.CENTRE)
                .allSatisfy(c -> assertThat(c.upstreamId()).matches("D[0-9]{2}"))
                .allSatisfy(c -> assertThat(c.transitDays()).isBetween(1, 2));
    }

    @Test
    void catalogueHasThreeHundredModelsAndAboutTwoThousandEurocodeStyleParts() {
        assertThat(data.models()).hasSize(300);
        assertThat(data.parts()).hasSizeBetween(1800, 2300);
        assertThat(data.parts()).extracting(Part::partNumber).doesNotHaveDuplicates()
                .allMatch(Part::isWellFormedNumber);
        assertThat(data.parts()).filteredOn(Part::adasCamera).isNotEmpty();
        assertThat(data.parts()).filteredOn(p -> p.supplierLeadDays() == null).isNotEmpty();
    }

    @Test
    void commonPartsAreAtCentresAndRareOnesOnlyAtTheDcOrNowhere() {
        Map<String, Long> locationsPerPart = data.stock().stream()
                .collect(Collectors.groupingBy(ReferenceDataGenerator.StockRow::partNumber, Collectors.counting()));
        assertThat(locationsPerPart.values().stream().filter(n -> n > 300)).hasSizeGreaterThan(100);
        assertThat(data.parts().stream().filter(p -> !locationsPerPart.containsKey(p.partNumber()))).isNotEmpty();
        assertThat(data.stock()).allSatisfy(s -> assertThat(s.onHand()).isPositive());
    }
}
