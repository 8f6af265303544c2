package io.glasslink.link.proxy;

/**
 * Bytes read from one side, due for delivery on the other side at {@code releaseNanos}.
 * A chunk with null data marks the end of the stream (FIN).
 */
record Chunk(byte[] data, long readNanos, long releaseNanos) {

    static Chunk endOfStream(long readNanos, long releaseNanos) {
        return new Chunk(null, readNanos, releaseNanos);
    }

    boolean isEndOfStream() {
        return data == null;
    }

    int length() {
        return data == null ? 0 : data.length;
    }
}
