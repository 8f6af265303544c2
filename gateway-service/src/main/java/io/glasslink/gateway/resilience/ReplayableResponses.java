package io.glasslink.gateway.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;

/**
 * Makes an upstream answer part of the attempt that {@code IdempotentRetry} may repeat.
 *
 * <p>Spring Cloud Gateway relays the body after the route filters have finished, so a retry sees a
 * failure only up to the upstream's headers; an answer that goes silent after them (a link
 * black-holed mid-answer) cannot be repeated, although nothing has reached the caller yet. For a
 * retryable call, {@link #hold} reads the body inside the attempt — up to
 * {@code glasslink.gateway.resilience.replayable-response-max} (256 KB) — and this filter sends
 * it afterwards. A larger answer is sent as its first part followed by the rest as it comes:
 * from there on a failure closes the caller's connection, as before. Streaming media types
 * (server-sent events, NDJSON) are never held.
 */
@Component
public class ReplayableResponses implements GlobalFilter, Ordered {

    private static final String HELD_ATTR = ReplayableResponses.class.getName() + ".held";
    private static final Set<MediaType> STREAMING = Set.of(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_NDJSON);

    private final int maxBytes;

    public ReplayableResponses(
            @Value("${glasslink.gateway.resilience.replayable-response-max:256KB}") DataSize maxBytes) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE, maxBytes.toBytes());
    }

    /**
     * Reads the answer of the attempt that just routed {@code exchange}, completing when it is
     * whole (or its first {@code replayable-response-max} bytes arrived) and failing, so that
     * the attempt can be retried, when the upstream fails or goes silent before that.
     */
    public Mono<Void> hold(ServerWebExchange exchange) {
        discard(exchange);
        Connection connection = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        ServerHttpResponse response = exchange.getResponse();
        if (connection == null || response.isCommitted()) {
            return Mono.empty();
        }
        HttpHeaders headers = response.getHeaders();
        MediaType type = contentType(headers);
        if (headers.getContentLength() > maxBytes || (type != null && STREAMING.stream().anyMatch(type::isCompatibleWith))) {
            return Mono.empty();
        }
        exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        HeldBody held = new HeldBody(connection, response.bufferFactory(), maxBytes);
        exchange.getAttributes().put(HELD_ATTR, held);
        connection.inbound().receive().retain().subscribe(held);
        return held.ready();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).then(Mono.defer(() -> {
            HeldBody held = exchange.getAttribute(HELD_ATTR);
            if (held == null) {
                return Mono.empty();
            }
            exchange.getAttributes().remove(HELD_ATTR);
            if (exchange.getResponse().isCommitted()) { // a fallback answered instead
                held.discard();
                return Mono.empty();
            }
            return exchange.getResponse().writeWith(held.body())
                    .doOnError(e -> held.discard())
                    .doOnCancel(held::discard);
        })).doOnError(e -> discard(exchange)).doOnCancel(() -> discard(exchange));
    }

    /** Between {@link NettyWriteResponseFilter} and the route filters. */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER + 1;
    }

    private static void discard(ServerWebExchange exchange) {
        HeldBody previous = (HeldBody) exchange.getAttributes().remove(HELD_ATTR);
        if (previous != null) {
            previous.discard();
        }
    }

    private static MediaType contentType(HttpHeaders headers) {
        try {
            return headers.getContentType();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads the upstream body: all of it, or up to the limit and then one part at a time as the
     * caller takes it (the upstream connection's own back-pressure).
     */
    static final class HeldBody extends BaseSubscriber<io.netty.buffer.ByteBuf> {

        private final Connection connection;
        private final DataBufferFactory factory;
        private final int maxBytes;
        private final List<DataBuffer> head = new ArrayList<>();
        private final Sinks.Empty<Void> ready = Sinks.empty();
        private long size;
        private boolean overflowed;
        private boolean completed;
        private Throwable failure;
        private FluxSink<DataBuffer> rest;

        HeldBody(Connection connection, DataBufferFactory factory, int maxBytes) {
            this.connection = connection;
            this.factory = factory;
            this.maxBytes = maxBytes;
        }

        Mono<Void> ready() {
            return ready.asMono();
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(1);
        }

        @Override
        protected void hookOnNext(io.netty.buffer.ByteBuf value) {
            DataBuffer buffer = wrap(value);
            FluxSink<DataBuffer> sink;
            synchronized (this) {
                if (!overflowed) {
                    head.add(buffer);
                    size += buffer.readableByteCount();
                    if (size <= maxBytes) {
                        request(1);
                        return;
                    }
                    overflowed = true;
                    // the caller's pace sets the reads from now on, not the upstream's silence
                    connection.removeHandler(NettyPipeline.ResponseTimeoutHandler);
                    ready.tryEmitEmpty();
                    return;
                }
                sink = rest;
            }
            if (sink == null) {
                DataBufferUtils.release(buffer);
            } else {
                sink.next(buffer);
            }
        }

        @Override
        protected void hookOnComplete() {
            FluxSink<DataBuffer> sink;
            synchronized (this) {
                completed = true;
                sink = rest;
            }
            if (sink != null) {
                sink.complete();
            }
            ready.tryEmitEmpty();
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            FluxSink<DataBuffer> sink;
            boolean beforeReady;
            synchronized (this) {
                failure = throwable;
                sink = rest;
                beforeReady = !overflowed;
                if (beforeReady) {
                    releaseHead();
                }
            }
            if (sink != null) {
                sink.error(throwable);
            }
            if (beforeReady) {
                ready.tryEmitError(throwable);
            }
        }

        /** The held part, then (past the limit) the rest as it arrives. */
        Flux<DataBuffer> body() {
            Flux<DataBuffer> held = Flux.defer(() -> {
                List<DataBuffer> parts;
                synchronized (this) {
                    parts = new ArrayList<>(head);
                    head.clear();
                }
                return parts.isEmpty() ? Flux.empty() : Flux.just(factory.join(parts));
            });
            boolean streamRest;
            synchronized (this) {
                streamRest = overflowed && !completed;
            }
            if (!streamRest) {
                return held;
            }
            return held.concatWith(Flux.create(sink -> {
                Throwable failed;
                boolean done;
                synchronized (this) {
                    rest = sink;
                    failed = failure;
                    done = completed;
                }
                sink.onRequest(this::request);
                sink.onCancel(this::discard);
                if (failed != null) {
                    sink.error(failed);
                } else if (done) {
                    sink.complete();
                }
            }, FluxSink.OverflowStrategy.BUFFER));
        }

        /** Releases what is held and, if still reading, closes the upstream connection. */
        void discard() {
            synchronized (this) {
                releaseHead();
            }
            if (!isDisposed()) {
                dispose();
                connection.dispose();
            }
        }

        private void releaseHead() {
            head.forEach(DataBufferUtils::release);
            head.clear();
        }

        private DataBuffer wrap(io.netty.buffer.ByteBuf value) {
            if (factory instanceof NettyDataBufferFactory netty) {
                return netty.wrap(value);
            }
            DataBuffer copy = factory.allocateBuffer(value.readableBytes());
            copy.write(value.nioBuffer());
            value.release();
            return copy;
        }
    }
}
