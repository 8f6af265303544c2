package io.glasslink.datahub;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.glasslink.testsupport.TimeChecks;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Domain packages stay free of web, Kafka and AWS code; adapters sit in their own packages; time comes from the Clock bean. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.glasslink.datahub");

    @Test
    void domainPackagesImportNoWebKafkaOrAwsTypes() {
        noClasses().that().resideInAnyPackage("..datahub.contracts..", "..datahub.routing..", "..datahub.lake", "..datahub.catalogue")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "software.amazon..", "org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void onlyTheS3AdapterTalksToAws() {
        noClasses().that().resideOutsideOfPackages("..datahub.lake.s3..", "..datahub.web..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
                .check(classes);
    }

    @Test
    void businessTimeComesOnlyFromTheClockBean() {
        TimeChecks.checkNoSystemClock("io.glasslink.datahub");
    }
}
