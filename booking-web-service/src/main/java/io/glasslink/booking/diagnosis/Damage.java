package io.glasslink.booking.diagnosis;

import java.util.Objects;

/**
 * The damage as the customer describes it.
 *
 * @param type chip or crack
 * @param size compared to a 2-euro coin
 * @param inDriverView whether it sits in the driver's field of view (the area swept by the wiper in front of the driver)
 * @param impacts how many impacts there are (at least one)
 */
public record Damage(DamageType type, DamageSize size, boolean inDriverView, int impacts) {

    public Damage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(size, "size");
        if (impacts < 1) {
            throw new IllegalArgumentException("a damage has at least one impact");
        }
    }
}
