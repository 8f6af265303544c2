package io.glasslink.datahub;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The service's feature packages as Spring Modulith sees them: no cycle between them, and each uses only
 * what another exposes (its top-level package); a new package is guarded without editing a list.
 */
class ModulesTest {

    @Test
    void featurePackagesDependOnEachOthersApiOnlyAndWithoutCycles() {
        ApplicationModules.of(DatahubApplication.class).verify();
    }
}
