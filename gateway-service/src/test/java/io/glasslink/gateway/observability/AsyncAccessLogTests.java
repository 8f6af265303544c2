package io.glasslink.gateway.observability;

import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncAccessLogTests {

    @Test
    void accessLinesGoThroughAQueueThatNeitherDropsWhenFullNorLosesLinesAtShutdown() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        // a console slower than the requests, so lines are still queued when the logging system stops
        ListAppender<ILoggingEvent> console = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                LockSupport.parkNanos(200_000);
                super.append(event);
            }
        };
        console.setContext(context);
        console.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);

        AsyncAccessLog.install(context, 256);
        AsyncAccessLog.install(context, 256);
        Logger access = context.getLogger(AsyncAccessLog.LOGGER);
        assertThat(access.getAppender(AsyncAccessLog.APPENDER)).isInstanceOf(AsyncAppender.class);
        assertThat(access.isAdditive()).as("each line written once, through the queue").isFalse();

        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        try {
            IntStream.range(0, 2_000).forEach(i -> access.info("GET /line/{} 200", i));
        } finally {
            MDC.remove("traceId");
        }
        context.stop();

        assertThat(console.list).hasSize(2_000);
        assertThat(console.list.get(1_999).getFormattedMessage()).isEqualTo("GET /line/1999 200");
        assertThat(console.list.get(0).getMDCPropertyMap()).containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
