package io.glasslink.gateway.observability;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes the access log (logger {@code glasslink.access}) through Logback's {@link AsyncAppender} in front of the
 * appenders Boot configured (plain or structured console, file), so the event-loop threads queue a line instead of
 * writing it. No line is dropped: a full queue makes the request's thread wait for room, and stopping the logging
 * system (Boot's shutdown hook) drains the queue for up to {@link #MAX_FLUSH_MILLIS}, after which Logback reports
 * how many lines it could not write.
 */
@Component
public class AsyncAccessLog {

    /** The logger of the access log. */
    public static final String LOGGER = "glasslink.access";

    static final String APPENDER = "ASYNC_ACCESS";

    static final int MAX_FLUSH_MILLIS = 10_000;

    AsyncAccessLog(@Value("${glasslink.gateway.access-log.queue-size:8192}") int queueSize) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            install(context, queueSize);
        }
    }

    /** Puts the asynchronous appender in front of the root logger's appenders for the access log, once per context. */
    static void install(LoggerContext context, int queueSize) {
        Logger access = context.getLogger(LOGGER);
        if (access.getAppender(APPENDER) != null) {
            return;
        }
        AsyncAppender async = new AsyncAppender();
        async.setName(APPENDER);
        async.setContext(context);
        async.setQueueSize(queueSize);
        // the default drops INFO lines once the queue is 80 % full; an access line is never dropped
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.setMaxFlushTime(MAX_FLUSH_MILLIS);
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(async::addAppender);
        async.start();
        // stopped (drained) by the context's reset before the root logger's appenders it writes to are stopped
        context.register(async);
        access.addAppender(async);
        access.setAdditive(false);
    }
}
