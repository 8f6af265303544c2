/** Retries limited to idempotent calls and the problem+json fallback of the circuit breakers. */
package io.glasslink.gateway.resilience;
