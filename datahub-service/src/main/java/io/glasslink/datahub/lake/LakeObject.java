package io.glasslink.datahub.lake;

/** One sealed lake file ready to upload: its key, gzip content and how many records it holds. */
public record LakeObject(String key, byte[] content, long records, long firstOffset, long lastOffset) {
}
