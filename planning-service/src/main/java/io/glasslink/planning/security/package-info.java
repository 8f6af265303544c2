/**
 * Only calls carrying a valid gateway-minted identity token (X-Glasslink-Identity) reach /api/**; the actuator's
 * details and endpoints other than health, info and prometheus need the ops credentials.
 */
package io.glasslink.planning.security;
