package io.glasslink.supplychain.events.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog as two gauges: {@code glasslink.outbox.publications.incomplete} (event publications
 * not yet acknowledged by Kafka) and {@code glasslink.outbox.oldest.age} (seconds since the oldest of them
 * was written, by the service's clock; 0 when there is none). The publication table is read every
 * {@code glasslink.events.backlog-refresh} (5 s), never per scrape, and a scrape never waits for the database.
 */
@Component
class OutboxBacklog {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(0, null);

    OutboxBacklog(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("glasslink.outbox.publications.incomplete", this, b -> b.snapshot.incomplete())
                .description("Event publications written to the outbox and not yet acknowledged by Kafka")
                .register(meters);
        Gauge.builder("glasslink.outbox.oldest.age", this, b -> b.oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest event publication not yet acknowledged by Kafka (0 when none)")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Reads the backlog; while the database cannot answer the gauges keep the last figures read. */
    @Scheduled(fixedDelayString = "${glasslink.events.backlog-refresh:PT5S}")
    void refresh() {
        try {
            snapshot = jdbc.sql("select count(*), min(publication_date) from event_publication where completion_date is null")
                    .query((rs, row) -> {
                        Timestamp oldest = rs.getTimestamp(2);
                        return new Snapshot(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                    })
                    .single();
        } catch (DataAccessException e) {
            log.debug("outbox backlog not read: {}", e.toString());
        }
    }

    /** How long the oldest incomplete publication has waited, now; zero when there is none. */
    Duration oldestAge() {
        Instant oldest = snapshot.oldest();
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(oldest, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** No trace for this monitoring read every few seconds: it would bury the traces of real work. */
    @Bean
    static ObservationPredicate noTraceOfTheOutboxBacklogRead() {
        return (name, context) -> !(context instanceof ScheduledTaskObservationContext task
                && task.getTargetClass() == OutboxBacklog.class);
    }

    record Snapshot(long incomplete, Instant oldest) {
    }
}
