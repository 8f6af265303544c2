/** HTTP adapters to the on-prem services, through the gateway and the link, guarded by circuit breakers. */
package io.glasslink.booking.onprem.http;
