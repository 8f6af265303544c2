/** Correlation ids, the access log and per-route/per-partner metric tags. */
package io.glasslink.gateway.observability;
