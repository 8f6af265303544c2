/** Per-client rate limits (Bucket4j, in memory or in Redis) and the request size limit. */
package io.glasslink.gateway.limits;
