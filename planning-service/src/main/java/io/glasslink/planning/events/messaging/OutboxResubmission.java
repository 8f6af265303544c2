package io.glasslink.planning.events.messaging;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Re-publishes events whose Kafka send has not completed (broker down, timeout) once they are
 * older than {@code glasslink.events.resubmit-after}, every {@code resubmit-every}, so that none is
 * lost while the service keeps running.
 */
@Component
class OutboxResubmission implements SchedulingConfigurer {

    private final IncompleteEventPublications incomplete;
    private final EventsProperties events;

    OutboxResubmission(IncompleteEventPublications incomplete, EventsProperties events) {
        this.incomplete = incomplete;
        this.events = events;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::resubmit, events.resubmitEvery(), events.resubmitEvery()));
    }

    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(events.resubmitAfter());
    }
}
