package io.glasslink.supplychain.holds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Periodically frees the holds nobody confirmed in time, in batches. */
@Component
class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);
    private static final int BATCH = 200;

    private final HoldService holds;

    HoldExpiry(HoldService holds) {
        this.holds = holds;
    }

    @Scheduled(fixedDelayString = "${glasslink.supply.hold-expiry-interval:PT10S}")
    void expireLapsedHolds() {
        int total = 0;
        int expired;
        do {
            expired = holds.expireLapsed(BATCH);
            total += expired;
        } while (expired == BATCH);
        if (total > 0) {
            log.info("expired {} lapsed part holds", total);
        }
    }
}
