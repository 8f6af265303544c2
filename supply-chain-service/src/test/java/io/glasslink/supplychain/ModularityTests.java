package io.glasslink.supplychain;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The service's top-level packages are Spring Modulith application modules: no cycles between them,
 * and no module reaches into another's sub-packages (a new package is guarded without a list).
 */
class ModularityTests {

    @Test
    void applicationModulesFormADirectedAcyclicGraphAndUseEachOthersApiOnly() {
        ApplicationModules.of(SupplyChainApplication.class).verify();
    }
}
