package io.glasslink.booking.site;

import java.time.ZonedDateTime;

import io.glasslink.booking.availability.AvailabilityService;
import io.glasslink.booking.bookings.Booking;
import io.glasslink.booking.centres.Centre;

/** A booking as the pages show it (times in the business time zone). */
record BookingView(String reference, String status, String jobType, boolean calibration, String mode,
                   String centreName, String centreAddress, ZonedDateTime start, ZonedDateTime end,
                   String failureReason, String email) {

    static BookingView of(Booking b, Centre centre) {
        return new BookingView(b.reference(), b.status().name(), b.details().jobType().name(),
                b.details().calibration(), b.details().mode().name(),
                centre == null ? b.details().centreId() : centre.name(),
                centre == null ? "" : centre.postcode() + " " + centre.city(),
                b.start().atZoneSameInstant(AvailabilityService.ZONE),
                b.end() == null ? null : b.end().atZoneSameInstant(AvailabilityService.ZONE),
                b.failureReason() == null ? null : b.failureReason().name(),
                b.details().customer().email());
    }
}
