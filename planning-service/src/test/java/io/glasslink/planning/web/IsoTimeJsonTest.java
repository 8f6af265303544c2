package io.glasslink.planning.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.glasslink.planning.slots.SlotSearchResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimeJsonTest {

    private final JsonMapper json = JsonMapper.builder().addModule(new IsoTimeJson().isoOffsetDateTimeModule()).build();

    @Test
    void writesExactlyWhatTheIsoOffsetFormatterWrites() {
        List<OffsetDateTime> times = List.of(
                OffsetDateTime.ofInstant(Instant.parse("2026-12-01T08:15:00Z"), ZoneId.of("Europe/Paris")),
                OffsetDateTime.ofInstant(Instant.parse("2027-03-28T01:00:00Z"), ZoneId.of("Europe/Paris")),
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-9, -30)),
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 500_000_000, ZoneOffset.ofHours(2)),
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutesSeconds(0, 9, 21)),
                OffsetDateTime.of(12026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(1)),
                OffsetDateTime.of(999, 12, 31, 23, 59, 59, 0, ZoneOffset.ofHours(14)));
        for (OffsetDateTime t : times) {
            assertThat(json.writeValueAsString(t)).isEqualTo("\"" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t) + "\"");
        }
    }

    @Test
    void writesSlotsAsTheirRecordComponentsWouldBe() {
        OffsetDateTime start = OffsetDateTime.of(2026, 12, 1, 9, 15, 0, 0, ZoneOffset.ofHours(1));
        SlotSearchResult.Slot slot = new SlotSearchResult.Slot(start, start.plusMinutes(90), 3);
        assertThat(json.writeValueAsString(slot))
                .isEqualTo("{\"start\":\"2026-12-01T09:15:00+01:00\",\"end\":\"2026-12-01T10:45:00+01:00\",\"capacity\":3}")
                .isEqualTo(JsonMapper.builder().build().writeValueAsString(slot));
    }

    @Test
    void formatsWholeSecondTimesItselfAndLeavesTheRestToTheJdk() {
        char[] out = new char[25];
        OffsetDateTime paris = OffsetDateTime.of(2026, 12, 1, 9, 15, 0, 0, ZoneOffset.ofHours(1));
        int n = IsoTimeJson.OffsetDateTimeSerializer.format(paris, out);
        assertThat(new String(out, 0, n)).isEqualTo("2026-12-01T09:15:00+01:00");
        n = IsoTimeJson.OffsetDateTimeSerializer.format(paris.withOffsetSameInstant(ZoneOffset.UTC), out);
        assertThat(new String(out, 0, n)).isEqualTo("2026-12-01T08:15:00Z");
        assertThat(IsoTimeJson.OffsetDateTimeSerializer.format(paris.withNano(1), out)).isEqualTo(-1);
        assertThat(IsoTimeJson.OffsetDateTimeSerializer.format(paris.withYear(10000), out)).isEqualTo(-1);
    }
}
