package io.glasslink.planning.appointments;

import io.glasslink.planning.PlanningProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Frees the slots of lapsed holds every {@code glasslink.planning.holds.expiry-interval}; every
 * instance may run it (rows are claimed with SKIP LOCKED).
 */
@Component
class HoldExpiryJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiryJob.class);

    private final AppointmentService service;
    private final PlanningProperties.Holds holds;

    HoldExpiryJob(AppointmentService service, PlanningProperties properties) {
        this.service = service;
        this.holds = properties.holds();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::expireDueHolds, holds.expiryInterval(), holds.expiryInterval()));
    }

    void expireDueHolds() {
        int n;
        do {
            n = service.expireDueHolds();
            if (n > 0) {
                log.info("expired {} holds", n);
            }
        } while (n > 0);
    }
}
