/** Every API call must carry the gateway-minted identity token; actuator health and the OpenAPI stay open. */
package io.glasslink.supplychain.security;
