package io.glasslink.supplychain.observability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.Faults;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log line written while the service works on a request names that request's trace and span: in the plain
 * console format ({@code logging.pattern.correlation}) and in each structured one ({@code LOG_FORMAT=ecs|logstash|gelf},
 * rendered here by Boot's own encoder from the same logging event).
 */
@SupplyChainIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TraceLogsTests extends ApiTestSupport {

    @Test
    void aLineLoggedForARequestNamesItsTraceAndSpanInThePlainAndEveryStructuredFormat(CapturedOutput output) {
        String trace = TracingTests.hex(16);
        Logger advice = (Logger) LoggerFactory.getLogger("io.glasslink.supplychain.web.ProblemDetailsAdvice");
        Capture capture = new Capture();
        capture.setContext(advice.getLoggerContext());
        capture.start();
        advice.addAppender(capture);
        Answer failed;
        try {
            failed = api.exchange(http -> http.get().uri(Faults.CONTROLLER)
                    .header("traceparent", "00-" + trace + "-" + TracingTests.hex(8) + "-01"));
        } finally {
            advice.detachAppender(capture);
            capture.stop();
        }

        failed.problem(500);
        assertThat(capture.events).hasSize(1);
        ILoggingEvent event = capture.events.get(0);
        String span = event.getMDCPropertyMap().get("spanId");
        assertThat(event.getMDCPropertyMap()).containsEntry("traceId", trace);
        assertThat(span).matches("[0-9a-f]{16}");
        assertThat(output.getOut()).containsPattern("\\[supply-chain-service," + trace + "," + span + "\\] .*ProblemDetailsAdvice");
        for (String format : new String[] {"ecs", "logstash", "gelf"}) {
            String line = structured(format, event, advice.getLoggerContext());
            assertThat(line).as(format).startsWith("{").contains(trace).contains(span).contains("unexpected error answering");
        }
    }

    private static String structured(String format, ILoggingEvent event, LoggerContext context) {
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        try {
            return new String(encoder.encode(event), StandardCharsets.UTF_8);
        } finally {
            encoder.stop();
        }
    }

    /** Keeps the events appended, with their MDC as it was on the thread that logged them. */
    static final class Capture extends AppenderBase<ILoggingEvent> {

        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    }
}
