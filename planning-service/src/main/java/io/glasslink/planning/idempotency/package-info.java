/** Idempotent writes: the first response to a key is stored and replayed; the same key with another request is refused. */
package io.glasslink.planning.idempotency;
