/** One ranked list of bookable slots: part lead times and free slots fetched in parallel, or a provisional list from the cloud read model when the link is down. */
package io.glasslink.booking.availability;
