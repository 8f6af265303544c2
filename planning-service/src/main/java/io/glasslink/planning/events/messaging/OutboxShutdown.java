package io.glasslink.planning.events.messaging;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * When the application closes, closes the connection pool just before the Kafka producer closes,
 * once requests and tasks have stopped (a mere stop of the context, which may start again, leaves
 * it open). Spring Modulith records a failed send inside the Kafka client's callback, on its I/O
 * thread, and at close the client aborts every unsent record that way and waits for those
 * callbacks without limit: with PostgreSQL gone, each would wait for a connection in turn. With the
 * pool closed they fail at once; the records stay incomplete in the outbox and are sent again after
 * the restart.
 */
@Component
class OutboxShutdown implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(OutboxShutdown.class);

    private final ObjectProvider<DataSource> dataSource;
    private volatile boolean running;
    private volatile boolean closing;

    OutboxShutdown(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }

    @Override
    public void stop() {
        running = false;
        DataSource ds = dataSource.getIfAvailable();
        if (closing && ds != null) {
            try {
                // the pool sits behind the proxy that makes SQL statements spans
                if (ds.isWrapperFor(AutoCloseable.class)) {
                    ds.unwrap(AutoCloseable.class).close();
                }
            } catch (Exception e) {
                log.warn("closing the connection pool before the producer failed", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops right before the producer factory (Spring Kafka's, in the last phase). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1;
    }
}
