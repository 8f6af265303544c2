package io.glasslink.planning.appointments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Frees the slots of lapsed holds on a fixed delay; every instance may run it (rows are claimed with SKIP LOCKED). */
@Component
class HoldExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiryJob.class);

    private final AppointmentService service;

    HoldExpiryJob(AppointmentService service) {
        this.service = service;
    }

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
