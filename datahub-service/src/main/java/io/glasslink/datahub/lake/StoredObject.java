package io.glasslink.datahub.lake;

import java.time.Instant;

/** An object as the store lists it. */
public record StoredObject(String key, long size, Instant lastModified, String etag) {
}
