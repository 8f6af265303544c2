package io.glasslink.planning.appointments;

import java.time.Duration;
import java.time.Instant;

import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppointmentTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final NoticePolicy POLICY = new NoticePolicy(Duration.ofHours(24), Duration.ofHours(24), true);

    private static Appointment holdStartingIn(Duration d) {
        return Appointment.hold("B1", "T1", "C001", Mode.CENTRE, null, JobType.WINDSCREEN_REPLACEMENT, true,
                NOW.plus(d), NOW, Duration.ofMinutes(10));
    }

    @Test
    void aWindscreenWithCalibrationLastsOneHundredAndThirtyFiveMinutes() {
        Appointment a = holdStartingIn(Duration.ofDays(2));
        assertThat(Duration.between(a.start(), a.end())).isEqualTo(Duration.ofMinutes(135));
        assertThat(a.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void confirmingALiveHoldMakesItConfirmedAndConfirmingAgainChangesNothing() {
        Appointment confirmed = holdStartingIn(Duration.ofDays(2)).confirm(NOW.plusSeconds(60));
        assertThat(confirmed.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(confirmed.confirm(NOW.plusSeconds(120))).isSameAs(confirmed);
    }

    @Test
    void anExpiredHoldCannotBeConfirmed() {
        assertThatThrownBy(() -> holdStartingIn(Duration.ofDays(2)).confirm(NOW.plus(Duration.ofMinutes(11))))
                .isInstanceOf(AppointmentStateException.class).hasMessageContaining("expired");
    }

    @Test
    void cancellingAConfirmedAppointmentWithinTheNoticeNeedsAnOverrideReason() {
        Appointment confirmed = holdStartingIn(Duration.ofHours(5)).confirm(NOW);
        assertThatThrownBy(() -> confirmed.cancel(NOW, POLICY, null))
                .isInstanceOf(NoticePolicyViolationException.class);
        assertThat(confirmed.cancel(NOW, POLICY, "customer in hospital").status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void aHoldCanBeCancelledAtAnyTime() {
        assertThat(holdStartingIn(Duration.ofHours(3)).cancel(NOW, POLICY, null).status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void overridesCanBeSwitchedOff() {
        NoticePolicy strict = new NoticePolicy(Duration.ofHours(24), Duration.ofHours(24), false);
        Appointment confirmed = holdStartingIn(Duration.ofHours(5)).confirm(NOW);
        assertThatThrownBy(() -> confirmed.checkMovable(NOW, strict, "please"))
                .isInstanceOf(NoticePolicyViolationException.class)
                .extracting(e -> ((NoticePolicyViolationException) e).policy()).isEqualTo("reschedule-notice");
    }

    @Test
    void movingKeepsTheJobDurationAndTheStatus() {
        Appointment confirmed = holdStartingIn(Duration.ofDays(3)).confirm(NOW);
        Appointment moved = confirmed.movedTo("T2", NOW.plus(Duration.ofDays(4)));
        assertThat(moved.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(Duration.between(moved.start(), moved.end())).isEqualTo(Duration.ofMinutes(135));
        assertThat(moved.technicianId()).isEqualTo("T2");
    }
}
