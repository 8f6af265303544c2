/** Bookings: the aggregate, its events, the orchestrated saga that holds and confirms slot and part, and its recovery. */
package io.glasslink.booking.bookings;
