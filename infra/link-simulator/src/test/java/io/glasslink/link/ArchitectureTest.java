package io.glasslink.link;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.glasslink.testsupport.TimeChecks;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.glasslink.link");

    @Test
    void pathDomainIsPlainJava() {
        noClasses().that().resideInAPackage("io.glasslink.link.paths..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.micrometer..",
                        "io.glasslink.link.proxy..", "io.glasslink.link.control..", "java.net..")
                .check(CLASSES);
    }

    @Test
    void proxyKnowsNothingOfTheWebOrSpring() {
        noClasses().that().resideInAPackage("io.glasslink.link.proxy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.glasslink.link.control..")
                .check(CLASSES);
    }

    @Test
    void theSimulatorReadsNoCalendarTimeOnlyNanoTimeForDurations() {
        TimeChecks.checkNoSystemClock("io.glasslink.link");
    }
}
