package io.glasslink.planning;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.glasslink.testsupport.TimeChecks;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Feature root packages (the domain) stay free of web, Kafka and AWS; adapters live in sub-packages; business time comes
 * from the injected Clock.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.glasslink.planning");

    @Test
    void domainPackagesImportNoWebKafkaOrAwsTypes() {
        noClasses().that().resideInAnyPackage("io.glasslink.planning.slots", "io.glasslink.planning.appointments",
                        "io.glasslink.planning.workforce", "io.glasslink.planning.network", "io.glasslink.planning.events",
                        "io.glasslink.planning.idempotency")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                        "jakarta.servlet..", "org.springframework.kafka..", "org.apache.kafka..", "software.amazon..")
                .check(CLASSES);
    }

    @Test
    void noFeatureDependsOnTheWebEdge() {
        // the features throw their own exceptions; web/ProblemDetailsAdvice maps them to problem types
        noClasses().that().resideOutsideOfPackage("io.glasslink.planning.web")
                .should().dependOnClassesThat().resideInAPackage("io.glasslink.planning.web")
                .check(CLASSES);
    }

    @Test
    void businessTimeComesFromTheClockBeanOnly() {
        TimeChecks.checkNoSystemClock("io.glasslink.planning");
    }

    @Test
    void nothingButTheirOwnFeatureReachesIntoPersistenceAdapters() {
        noClasses().that().resideOutsideOfPackages("..persistence..")
                .should().dependOnClassesThat().resideInAPackage("..persistence..")
                .check(CLASSES);
    }
}
