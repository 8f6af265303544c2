package io.glasslink.gateway;

import io.glasslink.testsupport.TimeChecks;
import org.junit.jupiter.api.Test;

/** Rules of docs/contracts.md the compiler cannot check. */
class ArchitectureTest {

    @Test
    void businessTimeComesOnlyFromTheClockBean() {
        TimeChecks.checkNoSystemClock("io.glasslink.gateway");
    }
}
