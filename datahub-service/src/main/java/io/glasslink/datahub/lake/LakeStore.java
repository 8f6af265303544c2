package io.glasslink.datahub.lake;

import java.util.List;

/** The object store under the lake (S3 in production, any S3-compatible server locally). */
public interface LakeStore {

    /** Writes {@code object}, replacing any object with the same key, and records its record count as metadata. */
    void put(LakeObject object);

    /** Every object whose key starts with {@code prefix}. */
    List<StoredObject> list(String prefix);

    /** The record count stored with the object at {@code key} (-1 when unknown). */
    long records(String key);
}
