package io.glasslink.booking.events.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog as two gauges: {@code glasslink.outbox.publications.incomplete} (event publications not yet
 * acknowledged by Kafka) and {@code glasslink.outbox.oldest.age} (seconds since the oldest of them was written, by
 * the service's clock; 0 when there is none). The publication table is read every {@link #REFRESH} on the
 * scheduler, never per scrape, so a scrape never waits for PostgreSQL; while PostgreSQL cannot answer the gauges
 * keep the last figures read (the age keeps growing).
 */
@Component
class OutboxMetrics implements SchedulingConfigurer {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Backlog backlog = new Backlog(0, null);

    OutboxMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("glasslink.outbox.publications.incomplete", this, m -> m.backlog.incomplete())
                .description("Event publications written to the outbox and not yet acknowledged by Kafka")
                .register(meters);
        Gauge.builder("glasslink.outbox.oldest.age", this, m -> m.oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest event publication not yet acknowledged by Kafka (0 when there is none)")
                .baseUnit("seconds")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        // a plain task, not an observed @Scheduled method: this monitoring read makes no trace
        registrar.addFixedDelayTask(new FixedDelayTask(this::refresh, REFRESH, Duration.ZERO));
    }

    void refresh() {
        try {
            backlog = jdbc.sql("select count(*), min(publication_date) from event_publication where completion_date is null")
                    .query((rs, row) -> {
                        Timestamp oldest = rs.getTimestamp(2);
                        return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                    })
                    .single();
        } catch (DataAccessException e) {
            log.debug("outbox backlog not read: {}", e.toString());
        }
    }

    /** How long the oldest incomplete publication has waited, now; zero when there is none. */
    Duration oldestAge() {
        Instant oldest = backlog.oldest();
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(oldest, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    private record Backlog(long incomplete, Instant oldest) {
    }
}
