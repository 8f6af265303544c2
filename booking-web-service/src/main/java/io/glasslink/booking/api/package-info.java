/** The partner REST API ({@code /api/v1}), behind the gateway's partner authentication. */
package io.glasslink.booking.api;
