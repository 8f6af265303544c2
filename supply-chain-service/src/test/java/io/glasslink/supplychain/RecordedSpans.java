package io.glasslink.supplychain;

import java.time.Duration;
import java.util.ArrayList;
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
 * Keeps the spans the service ends (the most recent {@value #KEPT}), as Boot's tracer hands them to its
 * exporters: tests look at the traces the service really makes without a Zipkin.
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

    /** The ended spans of {@code traceId}, waiting up to {@code timeout} until {@code done} holds for them. */
    public List<SpanData> ofTrace(String traceId, Predicate<List<SpanData>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SpanData> spans = ofTrace(traceId);
        while (!done.test(spans) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            spans = ofTrace(traceId);
        }
        return spans;
    }

    /** The ended spans of {@code traceId} so far. */
    public List<SpanData> ofTrace(String traceId) {
        List<SpanData> spans = new ArrayList<>();
        for (SpanData span : ended) {
            if (span.getTraceId().equals(traceId)) {
                spans.add(span);
            }
        }
        return spans;
    }

    /** Every ended span so far. */
    public List<SpanData> all() {
        return List.copyOf(ended);
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
