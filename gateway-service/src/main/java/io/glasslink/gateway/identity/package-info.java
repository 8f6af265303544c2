/** The signed identity token (X-Glasslink-Identity) the gateway mints for downstream services. */
package io.glasslink.gateway.identity;
