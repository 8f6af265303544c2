package io.glasslink.planning.appointments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Frees the slots of lapsed holds every {@code glasslink.planning.holds.expiry-interval}; every
 * instance may run it (rows are claimed with SKIP LOCKED). Each run is a span (Spring's scheduled-task
 * observation), so the {@code HoldExpired} events it writes carry its trace.
 */
@Component
class HoldExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiryJob.class);

    private final AppointmentService service;

    HoldExpiryJob(AppointmentService service) {
        this.service = service;
    }

    // the default repeats PlanningProperties.Holds': a placeholder cannot read the bound record
    @Scheduled(fixedDelayString = "${glasslink.planning.holds.expiry-interval:PT5S}",
            initialDelayString = "${glasslink.planning.holds.expiry-interval:PT5S}")
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
