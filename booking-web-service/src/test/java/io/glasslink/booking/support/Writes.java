package io.glasslink.booking.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request could leave behind: booking rows, partner idempotency keys, outbox events, and hold calls to
 * on-prem. Taken before a request and compared after it, to show that a refused request wrote nothing.
 */
public record Writes(long bookings, long keys, long events, List<String> holdCalls) {

    public static Writes now(JdbcClient jdbc) {
        return new Writes(
                jdbc.sql("select count(*) from booking").query(Long.class).single(),
                jdbc.sql("select count(*) from partner_request").query(Long.class).single(),
                jdbc.sql("select count(*) from event_publication").query(Long.class).single(),
                IntegrationTest.GATEWAY.calls().stream()
                        .filter(c -> c.endsWith("/appointments") || c.endsWith("/holds")).toList());
    }

    /** Nothing was written since {@code this} was taken. */
    public void unchanged(JdbcClient jdbc, String what) {
        assertThat(now(jdbc)).as("nothing written for " + what).isEqualTo(this);
    }
}
