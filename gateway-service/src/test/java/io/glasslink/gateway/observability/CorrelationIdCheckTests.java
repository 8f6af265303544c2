package io.glasslink.gateway.observability;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdCheckTests {

    private static final Pattern CONTRACT = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Test
    void theCorrelationIdCheckAcceptsExactlyWhatTheContractsExpressionAcceptsForEveryCharAndAtTheLengthLimits() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String one = String.valueOf(c);
            assertThat(CorrelationAndAccessLogFilter.isSaneId(one)).as("U+%04X", (int) c)
                    .isEqualTo(CONTRACT.matcher(one).matches());
            String inside = "ab" + c + "9";
            assertThat(CorrelationAndAccessLogFilter.isSaneId(inside)).as("ab U+%04X 9", (int) c)
                    .isEqualTo(CONTRACT.matcher(inside).matches());
        }
        for (String id : new String[] {"", "a".repeat(128), "a".repeat(129), "GL-1:2.3_x"}) {
            assertThat(CorrelationAndAccessLogFilter.isSaneId(id)).as(id).isEqualTo(CONTRACT.matcher(id).matches());
        }
    }
}
