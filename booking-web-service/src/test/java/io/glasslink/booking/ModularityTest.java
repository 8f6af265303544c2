package io.glasslink.booking;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Spring Modulith's view of the service: every top-level package is a module, its sub-packages (persistence,
 * messaging, http, readmodel) are internal, modules form no cycle and use only each other's API. A new package is
 * guarded without editing a list.
 */
class ModularityTest {

    @Test
    void modulesUseOnlyEachOthersApiAndFormNoCycle() {
        ApplicationModules.of(BookingWebApplication.class).verify();
    }
}
