/** Only calls carrying a valid gateway-minted identity token (X-Glasslink-Identity) reach /api/**. */
package io.glasslink.planning.security;
