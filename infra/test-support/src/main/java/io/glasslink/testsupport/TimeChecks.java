package io.glasslink.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Time is an input: main code takes business time from the injected {@link Clock} bean. This
 * rule refuses every {@code now()} of the {@code java.time} types but {@code now(Clock)},
 * {@code System.currentTimeMillis()}, {@code new Date()} and the {@code Clock.system*()}
 * factories anywhere but in the {@code @Bean} method that declares the service's clock.
 * {@code System.nanoTime()} stays allowed: it measures durations (timeouts, scheduling, metrics)
 * and has no calendar.
 */
public final class TimeChecks {

    private static final Set<Class<?>> NOW_TYPES = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
            LocalTime.class, OffsetDateTime.class, ZonedDateTime.class, Year.class, YearMonth.class);

    private TimeChecks() {
    }

    /** Checks the main (non-test) classes under {@code rootPackage}. */
    public static void checkNoSystemClock(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        noSystemClock().check(classes);
    }

    /** The rule itself, for a caller that imports its own classes. */
    public static ArchRule noSystemClock() {
        return noClasses()
                .should().callMethodWhere(readsTheSystemClock())
                .orShould().callConstructorWhere(newDateOfNow())
                .because("business time comes from the injected java.time.Clock (docs/contracts.md, \"Time\")");
    }

    private static DescribedPredicate<JavaCall<?>> readsTheSystemClock() {
        return new DescribedPredicate<>("reads the system clock outside the Clock bean") {
            @Override
            public boolean test(JavaCall<?> call) {
                String owner = call.getTargetOwner().getFullName();
                String name = call.getName();
                if (name.equals("now") && NOW_TYPES.stream().anyMatch(t -> t.getName().equals(owner))) {
                    // now(ZoneId) reads the system clock as much as now() does; only now(Clock) is allowed
                    var parameters = call.getTarget().getRawParameterTypes();
                    return !(parameters.size() == 1 && parameters.get(0).getName().equals(Clock.class.getName()));
                }
                if (owner.equals(System.class.getName()) && name.equals("currentTimeMillis")) {
                    return true;
                }
                if (owner.equals(Clock.class.getName()) && name.startsWith("system")) {
                    return !declaresTheClockBean(call.getOrigin());
                }
                return false;
            }
        };
    }

    private static DescribedPredicate<JavaCall<?>> newDateOfNow() {
        return new DescribedPredicate<>("new Date() of the system clock") {
            @Override
            public boolean test(JavaCall<?> call) {
                return call.getTargetOwner().getFullName().equals(Date.class.getName())
                        && call.getTarget().getRawParameterTypes().isEmpty();
            }
        };
    }

    private static boolean declaresTheClockBean(JavaCodeUnit origin) {
        return origin instanceof JavaMethod method
                && method.getRawReturnType().getName().equals(Clock.class.getName())
                && method.getAnnotations().stream()
                        .anyMatch(a -> a.getRawType().getName().equals("org.springframework.context.annotation.Bean"));
    }
}
