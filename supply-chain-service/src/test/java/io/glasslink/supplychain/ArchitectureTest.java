package io.glasslink.supplychain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.glasslink.testsupport.TimeChecks;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Domain packages stay free of web, Kafka, AWS and JDBC; adapters sit in sub-packages. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.glasslink.supplychain");

    static final String[] DOMAIN = {"io.glasslink.supplychain.calendar", "io.glasslink.supplychain.catalog",
            "io.glasslink.supplychain.network", "io.glasslink.supplychain.availability", "io.glasslink.supplychain.stock",
            "io.glasslink.supplychain.holds", "io.glasslink.supplychain.events"};

    @Test
    void businessTimeComesOnlyFromTheClockBean() {
        TimeChecks.checkNoSystemClock("io.glasslink.supplychain");
    }

    @Test
    void domainPackagesImportNothingFromWebKafkaAwsOrJdbc() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.springframework.kafka..", "org.apache.kafka..", "software.amazon..",
                        "org.springframework.jdbc..", "java.sql..", "tools.jackson..")
                .check(CLASSES);
    }

    @Test
    void domainDoesNotDependOnItsAdapters() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..", "..messaging..",
                        "io.glasslink.supplychain.security..", "io.glasslink.supplychain.seed..")
                .check(CLASSES);
    }
}
