package io.glasslink.gateway.observability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.glasslink.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request's log line names its trace and the gateway's span, in the plain format ({@code logging.pattern.correlation})
 * and in the structured ones ({@code LOG_FORMAT=ecs|logstash|gelf}): the ids are those of the span the gateway exports.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceLogsTests extends GatewayTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FORMATS = List.of("ecs", "logstash", "gelf");

    @Test
    void theAccessLogLineOfARequestNamesItsTraceAndTheGatewaysSpanInThePlainAndTheStructuredFormats(CapturedOutput output) {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger accessLog = logging.getLogger("glasslink.access");
        Level level = accessLog.getLevel();
        List<ByteArrayOutputStream> structured = new ArrayList<>();
        List<OutputStreamAppender<ILoggingEvent>> appenders = new ArrayList<>();
        for (String format : FORMATS) {
            StructuredLogEncoder encoder = new StructuredLogEncoder();
            encoder.setContext(logging);
            encoder.setFormat(format);
            encoder.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
            appender.setContext(logging);
            appender.setEncoder(encoder);
            appender.setOutputStream(out);
            appender.start();
            accessLog.addAppender(appender);
            appenders.add(appender);
            structured.add(out);
        }
        accessLog.setLevel(Level.INFO);
        try {
            String correlationId = "trace-logs-" + UUID.randomUUID();
            String traceId = HexFormat.of().formatHex(random(16));
            String callersSpan = HexFormat.of().formatHex(random(8));
            gateway().get().uri("/onprem/planning/api/v1/slots").header("X-API-Key", BOOKING_WEB_KEY)
                    .header("X-Correlation-Id", correlationId)
                    .header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                    .exchange().expectStatus().isOk();
            JsonNode serverSpan = await().atMost(Duration.ofSeconds(10))
                    .until(() -> ZIPKIN.trace(traceId, "SERVER"), s -> !s.isEmpty()).get(0);
            String spanId = serverSpan.path("id").asString();
            assertThat(spanId).isNotEqualTo(callersSpan);

            String plain = await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().lines()
                    .filter(l -> l.contains(correlationId)).findFirst().orElse(null), l -> l != null);
            assertThat(plain).as("the plain line's correlation [application,traceId,spanId]")
                    .contains("[gateway-service," + traceId + "," + spanId + "] ")
                    .contains("route=onprem-planning").contains("link=direct-connect");
            for (int i = 0; i < FORMATS.size(); i++) {
                String format = FORMATS.get(i);
                JsonNode line = structured.get(i).toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(correlationId))
                        .map(JSON::readTree).findFirst().orElseThrow(() -> new AssertionError("no " + format + " line"));
                String prefix = format.equals("gelf") ? "_" : "";
                assertThat(line.path(prefix + "traceId").asString()).as(format + " traceId").isEqualTo(traceId);
                assertThat(line.path(prefix + "spanId").asString()).as(format + " spanId").isEqualTo(spanId);
            }
        } finally {
            accessLog.setLevel(level);
            appenders.forEach(a -> {
                accessLog.detachAppender(a);
                a.stop();
            });
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
