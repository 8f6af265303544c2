package io.glasslink.booking.onprem.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

class OnPremTimestampsTest {

    private static final List<String> TIMESTAMPS = List.of("2026-12-03T14:00:00+01:00", "2026-03-29T03:00:00+02:00",
            "2026-10-25T02:30:00+01:00", "2026-12-03T14:00Z", "2026-12-03T14:00:00Z", "2026-12-03T14:00+01:00",
            "2026-12-03T14:00:00-05:30", "2026-12-03T14:00:00.123+01:00", "2026-12-03T14:00:59.5Z");

    record Slot(OffsetDateTime start) {
    }

    @Test
    void readsEveryTimestampExactlyAsJacksonDoesWithAndWithoutContextZoneAdjustment() {
        for (JsonMapper standard : List.of(JsonMapper.builder().build(),
                JsonMapper.builder().disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build())) {
            JsonMapper fast = standard.rebuild().addModule(OnPremTimestamps.module()).build();
            for (String t : TIMESTAMPS) {
                String json = "{\"start\":\"" + t + "\"}";
                Slot expected = standard.readValue(json, Slot.class);
                Slot actual = fast.readValue(json, Slot.class);
                // equals compares the offset as well as the instant
                assertThat(actual).as(t).isEqualTo(expected);
            }
        }
    }

    @Test
    void readsThePlainOnPremShapeByHandAndLeavesEverythingElseToJackson() {
        assertThat(OnPremTimestamps.parse("2026-12-03T14:00:00+01:00")).isEqualTo(OffsetDateTime.parse("2026-12-03T14:00:00+01:00"));
        assertThat(OnPremTimestamps.parse("2026-12-03T14:00-05:30")).isEqualTo(OffsetDateTime.parse("2026-12-03T14:00-05:30"));
        assertThat(OnPremTimestamps.parse("2026-12-03T14:00:00Z")).isEqualTo(OffsetDateTime.parse("2026-12-03T14:00:00Z"));
        assertThat(OnPremTimestamps.parse("2026-12-03T14:00:00.123+01:00")).isNull();
        assertThat(OnPremTimestamps.parse("2026-12-03 14:00:00+01:00")).isNull();
        assertThat(OnPremTimestamps.parse("2026-12-03T14:00:00+0100")).isNull();
        assertThat(OnPremTimestamps.parse("2026-13-03T14:00:00+01:00")).isNull();
        assertThat(OnPremTimestamps.parse("")).isNull();
    }

    @Test
    void malformedTimestampsStillFailAsUnreadableAnswers() {
        JsonMapper fast = JsonMapper.builder().addModule(OnPremTimestamps.module()).build();
        for (String bad : List.of("2026-13-03T14:00:00+01:00", "2026-12-03T25:00:00+01:00", "tomorrow")) {
            assertThatThrownBy(() -> fast.readValue("{\"start\":\"" + bad + "\"}", Slot.class)).as(bad)
                    .isInstanceOf(JacksonException.class);
        }
    }
}
