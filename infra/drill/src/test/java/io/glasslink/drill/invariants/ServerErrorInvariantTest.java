package io.glasslink.drill.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.glasslink.drill.load.Outcomes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerErrorInvariantTest {

    private static final List<Outcomes.Unavailable> BOOKING_WEB_DOWN = List.of(new Outcomes.Unavailable(1_000, 2_000, "kill -9 booking-web-service"));

    @BeforeEach
    void fresh() {
        Outcomes.reset();
    }

    @Test
    void a503WithRetryAfterToARequestSentWhileAPartIsDownHolds() {
        Outcomes.request(1_500, "partner: book", 503, true, null);
        Outcomes.request(1_900, "partner: search", 200, false, null);

        Invariant checked = Invariants.noServerErrorButRetryableUnavailable(0, Long.MAX_VALUE, BOOKING_WEB_DOWN);

        assertThat(checked.holds()).as(checked.detail()).isTrue();
        assertThat(checked.detail()).contains("1 503 with Retry-After while a part was down");
    }

    @Test
    void a503WithRetryAfterWhileEveryPartIsUpBreaksIt() {
        Outcomes.request(2_500, "partner: book", 503, true, null);

        Invariant checked = Invariants.noServerErrorButRetryableUnavailable(0, Long.MAX_VALUE, BOOKING_WEB_DOWN);

        assertThat(checked.holds()).isFalse();
        assertThat(checked.detail()).contains("503 + Retry-After with every part up on partner: book=1");
    }

    @Test
    void a500_502_504OrA503WithoutRetryAfterBreaksItEvenWhileAPartIsDown() {
        for (int status : new int[] {500, 502, 504}) {
            Outcomes.reset();
            Outcomes.request(1_500, "partner: search", status, true, null);
            assertThat(Invariants.noServerErrorButRetryableUnavailable(0, Long.MAX_VALUE, BOOKING_WEB_DOWN).holds()).as("%d", status).isFalse();
        }
        Outcomes.reset();
        Outcomes.request(1_500, "partner: search", 503, false, null);
        assertThat(Invariants.noServerErrorButRetryableUnavailable(0, Long.MAX_VALUE, BOOKING_WEB_DOWN).holds()).isFalse();
    }

    @Test
    void aRequestSentBeforeRecoveryAndAnsweredAfterItIsStillCovered() {
        Outcomes.Request sentInside = new Outcomes.Request(1_999, 2_400, "web: book", 503, true, null);

        assertThat(BOOKING_WEB_DOWN.get(0).covers(sentInside)).isTrue();
        assertThat(BOOKING_WEB_DOWN.get(0).covers(new Outcomes.Request(2_001, 2_002, "web: book", 503, true, null))).isFalse();
    }

    @Test
    void aRequestInFlightWhenThePartWentDownIsCoveredButOneAnsweredBeforeIsNot() {
        // the gateway logged exactly this in a CI drill: a booking sent 15 ms before the kill -9, answered 503 0.87 s later
        Outcomes.Request inFlight = new Outcomes.Request(985, 1_854, "partner: book", 503, true, null);
        Outcomes.Request answeredBefore = new Outcomes.Request(700, 990, "partner: book", 503, true, null);

        assertThat(BOOKING_WEB_DOWN.get(0).covers(inFlight)).isTrue();
        assertThat(BOOKING_WEB_DOWN.get(0).covers(answeredBefore)).isFalse();
    }
}
