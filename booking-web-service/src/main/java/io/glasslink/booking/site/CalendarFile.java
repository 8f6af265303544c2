package io.glasslink.booking.site;

import java.time.ZonedDateTime;

import io.glasslink.booking.availability.AvailabilityService;
import io.glasslink.booking.bookings.Booking;
import io.glasslink.booking.centres.Centre;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** The appointment as an iCalendar (.ics) file the customer adds to a calendar. */
final class CalendarFile {

    private CalendarFile() {
    }

    static String of(Booking booking, Centre centre, String summary) {
        ZonedDateTime start = booking.start().atZoneSameInstant(AvailabilityService.ZONE);
        ZonedDateTime end = booking.end() != null ? booking.end().atZoneSameInstant(AvailabilityService.ZONE)
                : start.plusMinutes(90);
        VEvent event = new VEvent(start, end, summary + " " + booking.reference());
        event.add(new Uid(booking.reference() + "@booking.glasslink.io"));
        if (centre != null) {
            event.add(new Location(centre.name() + ", " + centre.postcode() + " " + centre.city()));
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//glasslink//booking-web-service//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(event);
        return calendar.toString();
    }
}
