package io.glasslink.datahub.contracts;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Rfc3339Test {

    @Test
    void parsesThePlainFormToTheSameValueAsOffsetDateTimeParse() {
        for (String text : List.of("2026-12-01T09:30:00Z", "2026-12-01T09:30:00+01:00", "2026-12-01T09:30:00-05:30",
                "2026-12-01T23:59:59.5Z", "2026-12-01T09:30:00.123456789+14:00", "2024-02-29T00:00:00.000-00:00",
                "0001-01-01T00:00:00Z", "2026-12-01T09:30:00.12+18:00")) {
            assertThat(Rfc3339.parseOrNull(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
        }
    }

    @Test
    void leavesEveryOtherFormToTheGeneralParser() {
        for (String text : List.of("2026-12-01t09:30:00z", "2026-12-01T09:30Z", "2026-12-01T09:30:00.1234567891Z",
                "2026-12-01T09:30:00+01:00:30", "2026-13-01T09:30:00Z", "2025-02-29T09:30:00Z", "2026-12-01T24:00:00Z",
                "2026-12-01T09:30:00", "2026-12-01T09:30:00.Z", "2026-12-01T09:30:00+19:00", "2026-12-01 09:30:00Z",
                "+2026-12-01T09:30:00Z", "yesterday at noon, roughly")) {
            assertThat(Rfc3339.parseOrNull(text)).as(text).isNull();
        }
    }
}
