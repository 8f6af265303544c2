package io.glasslink.booking.bookings;

import java.time.OffsetDateTime;

import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.diagnosis.Mode;

/** Bookings as tests make them. */
public final class BookingSagaTestSupport {

    private BookingSagaTestSupport() {
    }

    /** A web booking of a windscreen replacement with calibration at C326, starting at {@code start}. */
    public static BookingDetails replacementAt(OffsetDateTime start) {
        return new BookingDetails(BookingDetails.Channel.WEB, null, JobType.WINDSCREEN_REPLACEMENT, true,
                "WS-RENAULT-CLIO-5", "C326", Mode.CENTRE, "75011", start,
                new BookingDetails.Vehicle("Renault", "Clio", 2021, "AB-123-CD"),
                new BookingDetails.Customer("Ada Lovelace", "ada@example.com", "0601020304", true));
    }
}
