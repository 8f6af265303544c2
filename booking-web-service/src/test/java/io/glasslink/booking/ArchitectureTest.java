package io.glasslink.booking;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.glasslink.testsupport.TimeChecks;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.glasslink.booking");

    @Test
    void domainPackagesImportNothingFromWebKafkaOrAws() {
        noClasses().that().resideInAnyPackage("io.glasslink.booking.diagnosis", "io.glasslink.booking.centres",
                        "io.glasslink.booking.bookings", "io.glasslink.booking.availability", "io.glasslink.booking.onprem")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.apache.kafka..", "org.springframework.kafka..", "software.amazon..", "io.cloudevents..")
                .check(CLASSES);
    }

    @Test
    void businessTimeComesFromTheClockBeanOnly() {
        TimeChecks.checkNoSystemClock("io.glasslink.booking");
    }

    @Test
    void diagnosisRulesAreFrameworkFree() {
        noClasses().that().resideInAPackage("io.glasslink.booking.diagnosis..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(CLASSES);
    }
}
