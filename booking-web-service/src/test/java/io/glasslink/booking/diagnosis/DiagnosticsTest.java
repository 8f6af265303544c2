package io.glasslink.booking.diagnosis;

import org.junit.jupiter.api.Test;

import static io.glasslink.booking.diagnosis.DamageSize.LARGER_THAN_2_EURO_COIN;
import static io.glasslink.booking.diagnosis.DamageSize.SMALLER_THAN_2_EURO_COIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiagnosticsTest {

    @Test
    void smallChipOutsideDriverViewIsRepairedWithoutCalibration() {
        Diagnosis d = Diagnostics.diagnose(new Damage(DamageType.CHIP, SMALLER_THAN_2_EURO_COIN, false, 1), true);
        assertThat(d.jobType()).isEqualTo(JobType.CHIP_REPAIR);
        assertThat(d.calibration()).isFalse();
        assertThat(d.reason()).isEqualTo(Diagnosis.Reason.SMALL_CHIP_OUTSIDE_DRIVER_VIEW);
    }

    @Test
    void crackMeansReplacement() {
        Diagnosis d = Diagnostics.diagnose(new Damage(DamageType.CRACK, SMALLER_THAN_2_EURO_COIN, false, 1), false);
        assertThat(d.jobType()).isEqualTo(JobType.WINDSCREEN_REPLACEMENT);
        assertThat(d.reason()).isEqualTo(Diagnosis.Reason.CRACK);
    }

    @Test
    void chipInDriverViewMeansReplacement() {
        Diagnosis d = Diagnostics.diagnose(new Damage(DamageType.CHIP, SMALLER_THAN_2_EURO_COIN, true, 1), false);
        assertThat(d.jobType()).isEqualTo(JobType.WINDSCREEN_REPLACEMENT);
        assertThat(d.reason()).isEqualTo(Diagnosis.Reason.IN_DRIVER_VIEW);
    }

    @Test
    void chipLargerThanATwoEuroCoinMeansReplacement() {
        Diagnosis d = Diagnostics.diagnose(new Damage(DamageType.CHIP, LARGER_THAN_2_EURO_COIN, false, 1), false);
        assertThat(d.reason()).isEqualTo(Diagnosis.Reason.CHIP_TOO_LARGE);
    }

    @Test
    void moreThanThreeImpactsMeanReplacementButThreeAreRepaired() {
        assertThat(Diagnostics.diagnose(new Damage(DamageType.CHIP, SMALLER_THAN_2_EURO_COIN, false, 4), false).reason())
                .isEqualTo(Diagnosis.Reason.TOO_MANY_IMPACTS);
        assertThat(Diagnostics.diagnose(new Damage(DamageType.CHIP, SMALLER_THAN_2_EURO_COIN, false, 3), false).jobType())
                .isEqualTo(JobType.CHIP_REPAIR);
    }

    @Test
    void replacedWindscreenWithAdasCameraNeedsCalibration() {
        assertThat(Diagnostics.diagnose(new Damage(DamageType.CRACK, LARGER_THAN_2_EURO_COIN, true, 1), true).calibration())
                .isTrue();
        assertThat(Diagnostics.diagnose(new Damage(DamageType.CRACK, LARGER_THAN_2_EURO_COIN, true, 1), false).calibration())
                .isFalse();
    }

    @Test
    void damageWithoutImpactIsRefused() {
        assertThatThrownBy(() -> new Damage(DamageType.CHIP, SMALLER_THAN_2_EURO_COIN, false, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
