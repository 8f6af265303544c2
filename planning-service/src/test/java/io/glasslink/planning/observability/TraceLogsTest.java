package io.glasslink.planning.observability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.glasslink.planning.PlanningIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's log line names its trace and span, in the plain format ({@code logging.pattern.correlation}) and in the
 * structured ones ({@code LOG_FORMAT=ecs|logstash|gelf}).
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceLogsTest extends PlanningIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FORMATS = List.of("ecs", "logstash", "gelf");

    @Test
    void theErrorLineOfARequestNamesItsTraceAndSpanInThePlainAndTheStructuredFormats(CapturedOutput output) {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger advice = logging.getLogger("io.glasslink.planning.web.ProblemDetailsAdvice");
        List<ByteArrayOutputStream> structured = new ArrayList<>();
        List<OutputStreamAppender<ILoggingEvent>> appenders = new ArrayList<>();
        for (String format : FORMATS) {
            StructuredLogEncoder encoder = new StructuredLogEncoder();
            encoder.setContext(logging);
            encoder.setFormat(format);
            encoder.start();
            OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
            appender.setContext(logging);
            appender.setEncoder(encoder);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            appender.setOutputStream(out);
            appender.start();
            advice.addAppender(appender);
            structured.add(out);
            appenders.add(appender);
        }
        String trace = TracingTest.hex(16);
        try {
            assertThat(api().get().uri("/test-only/failure").header("traceparent", "00-" + trace + "-" + TracingTest.hex(8) + "-01")
                    .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(500);
        } finally {
            appenders.forEach(a -> {
                advice.detachAppender(a);
                a.stop();
            });
        }
        String plain = output.getAll().lines().filter(l -> l.contains("unexpected error")).findFirst()
                .orElseThrow(() -> new AssertionError("no error line in " + output.getAll()));
        assertThat(plain).as("[application,traceId,spanId]").containsPattern("\\[planning-service," + trace + ",[0-9a-f]{16}\\] ");
        for (int i = 0; i < FORMATS.size(); i++) {
            String format = FORMATS.get(i);
            JsonNode line = structured.get(i).toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("unexpected error"))
                    .map(JSON::readTree).findFirst().orElseThrow(() -> new AssertionError("no " + format + " line"));
            String prefix = format.equals("gelf") ? "_" : "";
            assertThat(line.path(prefix + "traceId").asString()).as(format + " traceId").isEqualTo(trace);
            assertThat(line.path(prefix + "spanId").asString()).as(format + " spanId").matches("[0-9a-f]{16}");
        }
    }
}
