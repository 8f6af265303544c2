/** The network of service centres (reference data) and the search for centres near a postcode. */
package io.glasslink.booking.centres;
