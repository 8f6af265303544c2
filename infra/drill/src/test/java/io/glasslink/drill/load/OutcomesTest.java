package io.glasslink.drill.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    @BeforeEach
    void fresh() {
        Outcomes.reset();
    }

    @Test
    void onlyA503WithRetryAfterIsAnAcceptableServerError() {
        assertThat(new Outcomes.Request(0, "x", 503, true, null).isUnexpected5xx()).isFalse();
        assertThat(new Outcomes.Request(0, "x", 503, false, null).isUnexpected5xx()).isTrue();
        assertThat(new Outcomes.Request(0, "x", 500, false, null).isUnexpected5xx()).isTrue();
        assertThat(new Outcomes.Request(0, "x", 504, true, null).isUnexpected5xx()).isTrue();
        assertThat(new Outcomes.Request(0, "x", 409, false, null).isUnexpected5xx()).isFalse();
        assertThat(new Outcomes.Request(0, "x", -1, false, "no answer").isUnexpected5xx()).as("no answer is not a 5xx").isFalse();
    }

    @Test
    void answersAreCountedByKind() {
        assertThat(new Outcomes.Request(0, "x", 201, false, null).kind()).isEqualTo("ok");
        assertThat(new Outcomes.Request(0, "x", 503, true, null).kind()).isEqualTo("503 + Retry-After");
        assertThat(new Outcomes.Request(0, "x", 503, false, null).kind()).isEqualTo("503 without Retry-After");
        assertThat(new Outcomes.Request(0, "x", 409, false, null).kind()).isEqualTo("409");
        assertThat(new Outcomes.Request(0, "x", -1, false, "timeout").kind()).isEqualTo("timeout");
        assertThat(new Outcomes.Request(0, "x", -1, false, "no answer").kind()).isEqualTo("no answer");
    }

    @Test
    void theFirstSymptomAfterAFaultIsTheFirst5xxOrMissingAnswer() throws Exception {
        long before = System.currentTimeMillis();
        Outcomes.request("search", 200, false, null);
        Outcomes.request("search", 409, false, null);
        Thread.sleep(5);
        Outcomes.request("book", -1, false, "no answer");
        Outcomes.request("book", 503, true, null);

        assertThat(Outcomes.firstUnexpected(before)).hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("book"));
        assertThat(Outcomes.requests(before, Long.MAX_VALUE)).hasSize(4);
    }

    @Test
    void aBookingAcceptedTwiceIsKeptOnce() {
        Outcomes.accepted("GL-AAAAAAAA", "partner", "CONFIRMED");
        Outcomes.accepted("GL-AAAAAAAA", "partner", "CONFIRMED");

        assertThat(Outcomes.accepted()).hasSize(1);
    }
}
