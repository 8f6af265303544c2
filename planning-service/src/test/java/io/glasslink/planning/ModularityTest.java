package io.glasslink.planning;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The features are Spring Modulith application modules: no cycle between them, and none reaches into another's
 * internals (its sub-packages), so a new package is guarded without editing a list.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(PlanningApplication.class);

    @Test
    void everyFeatureIsAModule() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString)).containsExactlyInAnyOrder(
                "appointments", "events", "idempotency", "network", "observability", "security", "seed", "slots", "web",
                "workforce");
    }

    @Test
    void theApplicationModulesHaveNoCycleAndUseEachOthersApiOnly() {
        MODULES.verify();
    }
}
