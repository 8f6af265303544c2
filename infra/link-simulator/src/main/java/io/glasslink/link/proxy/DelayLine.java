package io.glasslink.link.proxy;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * FIFO of chunks in flight in one direction, bounded in bytes so that a slow path pushes back on the sender
 * (TCP flow control) instead of buffering without end. Release times are non-decreasing, so FIFO order is
 * delivery order: jitter never reorders bytes.
 */
final class DelayLine {

    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final long maxBytes;
    private long queuedBytes;

    DelayLine(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void put(Chunk chunk) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (queuedBytes >= maxBytes) {
                notFull.await();
            }
            chunks.addLast(chunk);
            queuedBytes += chunk.length();
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    Chunk take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (chunks.isEmpty()) {
                notEmpty.await();
            }
            Chunk chunk = chunks.removeFirst();
            queuedBytes -= chunk.length();
            notFull.signal();
            return chunk;
        } finally {
            lock.unlock();
        }
    }
}
