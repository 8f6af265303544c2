package io.glasslink.supplychain.holds;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.glasslink.supplychain.availability.SourceType;
import io.glasslink.supplychain.availability.SupplyOption;
import io.glasslink.supplychain.availability.SupplySource;
import io.glasslink.supplychain.calendar.BusinessCalendar;
import io.glasslink.testsupport.NamedDates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartHoldTest {

    static final Instant NOW = NamedDates.CHRISTMAS_EVE.instant();

    static PartHold held(SourceType source) {
        SupplyOption option = new SupplyOption(new SupplySource(source, "D01", 1), NOW.atZone(BusinessCalendar.ZONE));
        return PartHold.place("BK-1", "1234AGNMV1B", 1, "C001", option, Duration.ofMinutes(15), NOW);
    }

    @Test
    void liveHoldConfirmsOnceAndASecondConfirmChangesNothing() {
        PartHold hold = held(SourceType.DEPOT_TRANSFER);
        UUID transfer = UUID.randomUUID();

        assertThat(hold.confirm(NOW.plusSeconds(60), transfer)).isTrue();
        assertThat(hold.confirm(NOW.plusSeconds(120), UUID.randomUUID())).isFalse();
        assertThat(hold.status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(hold.transferOrderId()).isEqualTo(transfer);
    }

    @Test
    void lapsedOrReleasedHoldCannotBeConfirmed() {
        PartHold lapsed = held(SourceType.LOCAL_STOCK);
        PartHold released = held(SourceType.LOCAL_STOCK);
        released.release(NOW);

        assertThatThrownBy(() -> lapsed.confirm(NOW.plus(Duration.ofMinutes(15)), null))
                .isInstanceOf(HoldNotActiveException.class).hasMessageContaining("EXPIRED");
        assertThatThrownBy(() -> released.confirm(NOW, null))
                .isInstanceOf(HoldNotActiveException.class).hasMessageContaining("RELEASED");
    }

    @Test
    void onlyALapsedHeldHoldExpiresAndReleaseIsIdempotent() {
        PartHold hold = held(SourceType.LOCAL_STOCK);

        assertThat(hold.expire(NOW.plusSeconds(60))).isFalse();
        assertThat(hold.expire(NOW.plus(Duration.ofMinutes(16)))).isTrue();
        assertThat(hold.status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(hold.release(NOW.plus(Duration.ofMinutes(17)))).isFalse();
        assertThat(hold.status()).isEqualTo(HoldStatus.EXPIRED);
    }

    @Test
    void onlyPartsNotAtTheCentreNeedATransfer() {
        assertThat(held(SourceType.LOCAL_STOCK).needsTransfer()).isFalse();
        assertThat(held(SourceType.DC_TRANSFER).needsTransfer()).isTrue();
    }

    @Test
    void holdMustLiveForAPositiveTime() {
        SupplyOption option = new SupplyOption(new SupplySource(SourceType.LOCAL_STOCK, "C001", 0),
                NOW.atZone(BusinessCalendar.ZONE));
        assertThatThrownBy(() -> PartHold.place("BK", "1234AGNMV1B", 1, "C001", option, Duration.ZERO, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
