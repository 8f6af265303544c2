package io.glasslink.planning.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.glasslink.planning.PlanningTime;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;
import io.glasslink.testsupport.CloudEventChecks;
import io.glasslink.testsupport.NamedDates.NamedDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The appointment's time rules on the named dates: a hold lapses its lifetime later in elapsed time, whatever the
 * wall clock does, and the notice policy counts elapsed hours, so across a DST change "the same time the day before"
 * is 23 or 25 hours away.
 */
class TimeRulesOnNamedDatesTest {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final NoticePolicy POLICY = new NoticePolicy(Duration.ofHours(24), Duration.ofHours(24), true);

    private static Instant at(String paris) {
        return OffsetDateTime.parse(paris).toInstant();
    }

    private static Appointment holdAt(Instant now, Instant start) {
        return Appointment.hold("B1", "T1", "C001", Mode.CENTRE, null, JobType.CHIP_REPAIR, false, start, now, TTL);
    }

    private static Appointment confirmedAt(String start) {
        Instant s = at(start);
        Instant now = s.minus(Duration.ofDays(10));
        return holdAt(now, s).confirm(now);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void aHoldLapsesItsLifetimeLaterInElapsedTimeAndShowsItsExpiryWithTheParisOffset(NamedDate date) {
        Instant now = date.instant();
        Appointment hold = holdAt(now, now.plus(Duration.ofDays(3)));
        assertThat(Duration.between(now, hold.expiresAt())).isEqualTo(TTL);
        CloudEventChecks.checkParisTime(PlanningTime.paris(hold.expiresAt()).toString(), "expiresAt");
        assertThat(hold.isLive(hold.expiresAt().minusSeconds(1))).isTrue();
        assertThat(hold.isLive(hold.expiresAt())).isFalse();
        assertThat(hold.confirm(hold.expiresAt().minusSeconds(1)).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThatThrownBy(() -> hold.confirm(hold.expiresAt())).isInstanceOf(AppointmentStateException.class);
    }

    @Test
    void aHoldTakenJustBeforeTheClocksGoBackExpiresInTheRepeatedHourWithTheWinterOffset() {
        Appointment hold = holdAt(at("2026-10-25T02:55:00+02:00"), at("2026-10-27T10:00:00+01:00"));
        assertThat(PlanningTime.paris(hold.expiresAt())).hasToString("2026-10-25T02:05+01:00");
    }

    @Test
    void aHoldTakenJustBeforeTheClocksGoForwardExpiresAfterTheMissingHour() {
        Appointment hold = holdAt(at("2026-03-29T01:55:00+01:00"), at("2026-03-31T10:00:00+02:00"));
        assertThat(PlanningTime.paris(hold.expiresAt())).hasToString("2026-03-29T03:05+02:00");
    }

    @Test
    void aHoldTakenOnNewYearsEveExpiresInTheNewYear() {
        Appointment hold = holdAt(at("2026-12-31T23:55:00+01:00"), at("2027-01-04T10:00:00+01:00"));
        assertThat(PlanningTime.paris(hold.expiresAt())).hasToString("2027-01-01T00:05+01:00");
    }

    @Test
    void theSameTimeTheDayBeforeTheSpringChangeIsOnlyTwentyThreeHoursOfNotice() {
        Appointment sunday = confirmedAt("2026-03-29T10:00:00+02:00");
        assertThatThrownBy(() -> sunday.cancel(at("2026-03-28T10:00:00+01:00"), POLICY, null))
                .isInstanceOfSatisfying(NoticePolicyViolationException.class, e -> assertThat(e.policy()).isEqualTo("cancel-notice"));
        assertThat(sunday.cancel(at("2026-03-28T09:00:00+01:00"), POLICY, null).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThatThrownBy(() -> sunday.checkMovable(at("2026-03-28T09:00:01+01:00"), POLICY, null))
                .isInstanceOfSatisfying(NoticePolicyViolationException.class, e -> assertThat(e.policy()).isEqualTo("reschedule-notice"));
    }

    @Test
    void theSameTimeTheDayBeforeTheAutumnChangeIsTwentyFiveHoursOfNotice() {
        Appointment sunday = confirmedAt("2026-10-25T10:00:00+01:00");
        assertThat(sunday.cancel(at("2026-10-24T10:00:00+02:00"), POLICY, null).status()).isEqualTo(AppointmentStatus.CANCELLED);
        sunday.checkMovable(at("2026-10-24T11:00:00+02:00"), POLICY, null);
        assertThatThrownBy(() -> sunday.checkMovable(at("2026-10-24T11:00:01+02:00"), POLICY, null))
                .isInstanceOf(NoticePolicyViolationException.class);
        assertThatThrownBy(() -> sunday.cancel(at("2026-10-24T11:00:01+02:00"), POLICY, null))
                .isInstanceOf(NoticePolicyViolationException.class);
    }

    @Test
    void theNoticeCountsHoursAcrossMidnightAndTheNewYearNotCalendarDays() {
        Instant newYearsEve = at("2026-12-31T23:30:00+01:00");
        Appointment tomorrowEvening = confirmedAt("2027-01-01T23:00:00+01:00");
        Appointment dayAfterAtMidnight = confirmedAt("2027-01-02T00:00:00+01:00");
        assertThatThrownBy(() -> tomorrowEvening.checkMovable(newYearsEve, POLICY, null))
                .isInstanceOf(NoticePolicyViolationException.class);
        dayAfterAtMidnight.checkMovable(newYearsEve, POLICY, null);
        assertThat(tomorrowEvening.cancel(newYearsEve, POLICY, "the car was stolen").status()).isEqualTo(AppointmentStatus.CANCELLED);
    }
}
