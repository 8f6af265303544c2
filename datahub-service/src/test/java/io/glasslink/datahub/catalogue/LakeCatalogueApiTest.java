package io.glasslink.datahub.catalogue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glasslink.datahub.HubSpringTest;
import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.TestKafka;
import io.glasslink.testsupport.CloudEventChecks;
import io.glasslink.testsupport.ProblemChecks;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /api/v1/lake}: datasets and partitions as landed (times with Paris's offset), problem details for bad input. */
@HubSpringTest
class LakeCatalogueApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void listsTheDatasetWithThePartitionOfTheLandedEventsAndItsCounts() throws Exception {
        String run = UUID.randomUUID().toString();
        OffsetDateTime time = OffsetDateTime.of(2029, 1, 1, 0, 30, 0, 0, ZoneOffset.UTC)
                .plusHours(ThreadLocalRandom.current().nextInt(24 * 365));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(TestEvents.record("hubtest.events", TestEvents.probeMeasured(run, i, time, 20)));
        }
        TestKafka.send(records);
        String dt = time.toLocalDate().toString();
        String hr = String.format("%02d", time.getHour());

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> partition(dt, hr) != null && partition(dt, hr).get("records").asLong() == 12);
        JsonNode partition = partition(dt, hr);
        assertThat(partition.get("objects").asLong()).isPositive();
        assertThat(partition.get("bytes").asLong()).isPositive();
        CloudEventChecks.checkParisTime(partition.get("lastLanded").asText(), "a partition's lastLanded");
        assertThat(partition.get("location").asText())
                .isEqualTo("s3://hub-test-lake/raw/hubtest/ProbeMeasured.v1/dt=" + dt + "/hr=" + hr + "/");
        JsonNode all = JSON.readTree(http().get().uri("/api/v1/lake/datasets").retrieve().body(String.class));
        assertThat(all.findValuesAsText("eventType")).contains("ProbeMeasured.v1");
    }

    @Test
    void answersAMalformedDatasetNameWithA400Problem() {
        Answer response = get("/api/v1/lake/datasets/HubTest/probe");

        assertThat(response.status().value()).isEqualTo(400);
        ProblemChecks.checkFieldError(400, response.type().toString(), response.body(), "domain");
        ProblemChecks.checkFieldError(400, response.type().toString(), response.body(), "eventType");
    }

    @Test
    void answersAnUnknownDatasetWithA404Problem() {
        Answer response = get("/api/v1/lake/datasets/hubtest/NeverSeen.v9");

        assertThat(response.status().value()).isEqualTo(404);
        ProblemChecks.check(404, response.type().toString(), response.body());
        assertThat(response.body()).contains("nothing has landed for hubtest/NeverSeen.v9");
    }

    private JsonNode partition(String dt, String hr) throws Exception {
        JsonNode dataset = JSON.readTree(http().get().uri("/api/v1/lake/datasets/hubtest/ProbeMeasured.v1").retrieve().body(String.class));
        for (JsonNode p : dataset.get("partitions")) {
            if (p.get("dt").asText().equals(dt) && p.get("hr").asText().equals(hr)) {
                return p;
            }
        }
        return null;
    }

    private Answer get(String uri) {
        return http().get().uri(uri).exchange((req, res) ->
                new Answer(res.getStatusCode(), res.getHeaders().getContentType(), res.bodyTo(String.class)));
    }

    private RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }

    private record Answer(HttpStatusCode status, MediaType type, String body) {
    }
}
