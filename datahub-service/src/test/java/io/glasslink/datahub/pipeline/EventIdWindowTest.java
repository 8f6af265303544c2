package io.glasslink.datahub.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdWindowTest {

    @Test
    void anIdSeenWithinTheWindowBeforeARecordMakesItARepeat() {
        EventIdWindow window = new EventIdWindow(100);

        assertThat(window.repeat(10, "a")).isFalse();
        assertThat(window.repeat(11, "b")).isFalse();
        assertThat(window.repeat(110, "a")).as("offset 10 is 100 offsets before 110").isTrue();
    }

    @Test
    void anIdOlderThanTheWindowIsForgotten() {
        EventIdWindow window = new EventIdWindow(100);
        window.repeat(10, "a");

        assertThat(window.repeat(111, "a")).as("offset 10 is 101 offsets before 111").isFalse();
        assertThat(window.held()).isEqualTo(1);
    }

    @Test
    void aRepeatKeepsTheIdInTheWindowFromItsOwnOffset() {
        EventIdWindow window = new EventIdWindow(100);
        window.repeat(10, "a");
        window.repeat(90, "a");

        assertThat(window.repeat(150, "a")).as("the copy at 90 is within 100 offsets of 150").isTrue();
        assertThat(window.repeat(300, "a")).isFalse();
    }

    @Test
    void holdsTheWindowsOffsetsAndTheLastRecordOnly() {
        EventIdWindow window = new EventIdWindow(1000);
        for (long offset = 0; offset < 10_000; offset++) {
            window.repeat(offset, "id-" + offset);
        }

        assertThat(window.held()).as("the 1,000 offsets before the last record, and the last record").isEqualTo(1001);
    }

    @Test
    void aWindowOfZeroFindsNoRepeat() {
        EventIdWindow window = new EventIdWindow(0);
        window.repeat(1, "a");

        assertThat(window.repeat(2, "a")).isFalse();
        assertThat(window.held()).isZero();
    }
}
