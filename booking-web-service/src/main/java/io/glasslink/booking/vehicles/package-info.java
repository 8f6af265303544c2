/** The vehicle catalogue and windscreen parts from supply chain, cached so the site degrades gracefully. */
package io.glasslink.booking.vehicles;
