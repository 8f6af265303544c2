package io.glasslink.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the spans a service ends (the most recent {@value #KEPT}), as Boot's tracer hands them to its exporters:
 * a service's tests look at the traces it really makes without a Zipkin. Import {@link Recording} to register it.
 */
public final class RecordedSpans implements SpanProcessor {

    static final int KEPT = 20_000;

    private final ConcurrentLinkedDeque<SpanData> ended = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    /** Registers the recorder beside Boot's span processor. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
        }
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.addLast(span.toSpanData());
        if (size.incrementAndGet() > KEPT && ended.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** Every span kept now. */
    public List<SpanData> all() {
        return List.copyOf(ended);
    }

    /** The ended spans of {@code traceId} now. */
    public List<SpanData> ofTrace(String traceId) {
        return ended.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    /**
     * The ended spans of {@code traceId} once {@code complete} holds for them, within {@code timeout}; an
     * {@link AssertionError} naming the spans seen if it never does.
     */
    public List<SpanData> ofTrace(String traceId, Predicate<List<SpanData>> complete, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SpanData> spans = ofTrace(traceId);
        while (!complete.test(spans) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            spans = ofTrace(traceId);
        }
        if (!complete.test(spans)) {
            throw new AssertionError("trace " + traceId + " incomplete after " + timeout + ": " + spans);
        }
        return spans;
    }

    /** Whether {@code spans} hold at least {@code count} of {@code kind}. */
    public static boolean atLeast(List<SpanData> spans, SpanKind kind, int count) {
        return spans.stream().filter(s -> s.getKind() == kind).count() >= count;
    }

    /** The string attribute {@code key} of {@code span}, or null. */
    public static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}
