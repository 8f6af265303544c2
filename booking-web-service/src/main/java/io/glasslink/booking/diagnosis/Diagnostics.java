package io.glasslink.booking.diagnosis;

/**
 * The trade's usual rules: a small chip outside the driver's view is repaired; a crack, a chip in
 * the driver's view, a chip larger than a 2-euro coin or more than {@value #MAX_REPAIRABLE_IMPACTS}
 * impacts mean a replacement; a replaced windscreen carrying an ADAS camera needs calibration.
 */
public final class Diagnostics {

    /** Beyond this many impacts a windscreen is no longer repaired. */
    public static final int MAX_REPAIRABLE_IMPACTS = 3;

    private Diagnostics() {
    }

    /**
     * Diagnoses a damage.
     *
     * @param damage what the customer describes
     * @param adasCamera whether the vehicle's windscreen carries a driver-assistance camera
     */
    public static Diagnosis diagnose(Damage damage, boolean adasCamera) {
        Diagnosis.Reason replacement = replacementReason(damage);
        if (replacement == null) {
            return new Diagnosis(JobType.CHIP_REPAIR, false, Diagnosis.Reason.SMALL_CHIP_OUTSIDE_DRIVER_VIEW);
        }
        return new Diagnosis(JobType.WINDSCREEN_REPLACEMENT, adasCamera, replacement);
    }

    private static Diagnosis.Reason replacementReason(Damage damage) {
        if (damage.type() == DamageType.CRACK) {
            return Diagnosis.Reason.CRACK;
        }
        if (damage.inDriverView()) {
            return Diagnosis.Reason.IN_DRIVER_VIEW;
        }
        if (damage.size() == DamageSize.LARGER_THAN_2_EURO_COIN) {
            return Diagnosis.Reason.CHIP_TOO_LARGE;
        }
        if (damage.impacts() > MAX_REPAIRABLE_IMPACTS) {
            return Diagnosis.Reason.TOO_MANY_IMPACTS;
        }
        return null;
    }
}
