/** The customer web site: step-by-step booking, confirmation with a calendar file, managing a booking. Server-rendered, works without JavaScript. */
package io.glasslink.booking.site;
