package io.glasslink.booking.availability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.glasslink.booking.centres.Postcode;
import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.diagnosis.Mode;
import io.glasslink.booking.support.IntegrationTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** The read model follows cloud.availability and answers provisionally when the link is down. */
class AvailabilityReadModelTest extends IntegrationTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    ReadModel readModel;
    @Autowired
    AvailabilityService availability;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void stockAndSlotEventsFromTheHubFeedTheProvisionalAnswer() throws Exception {
        String part = "WS-READMODEL-" + UUID.randomUUID().toString().substring(0, 8);
        // the first slot the network's calendar has from tomorrow on (no Sunday, no public holiday) is taken
        LocalDate tomorrow = NetworkCalendar.tomorrow(CLOCK.instant());
        LocalDate firstDay = NetworkCalendar.firstWorkingDayFrom(tomorrow);
        LocalTime opens = NetworkCalendar.hours(firstDay).orElseThrow().opens();
        OffsetDateTime taken = firstDay.atTime(opens).atZone(PARIS).toOffsetDateTime();
        String appointment = "A-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            send(producer, part + "@C326", "io.glasslink.supplychain.StockLevelChanged.v1",
                    "{\"partNumber\":\"" + part + "\",\"locationId\":\"C326\",\"onHand\":4,\"held\":1,\"allocated\":0,\"available\":3}");
            send(producer, "C326", "io.glasslink.planning.SlotHeld.v1",
                    "{\"appointmentId\":\"" + appointment + "\",\"centreId\":\"C326\",\"start\":\"" + taken + "\"}");
        }
        await(() -> readModel.available(part, "C326") == 3);
        await(() -> readModel.takenStarts("C326", taken.minusHours(1), taken.plusHours(1)).contains(taken.toInstant()));

        GATEWAY.linkDown(true);
        Availability answer = availability.search(new AvailabilityQuery(JobType.WINDSCREEN_REPLACEMENT, false, part,
                new Postcode("75011"), Mode.CENTRE, tomorrow, "C326"));
        assertThat(answer.provisional()).isTrue();
        assertThat(answer.options()).isNotEmpty()
                .allSatisfy(o -> assertThat(o.centreId()).isEqualTo("C326"))
                .noneSatisfy(o -> assertThat(o.start().toInstant()).isEqualTo(taken.toInstant()));
        // the part is in local stock, so the first provisional slot is on the first working day, not after a
        // transfer: the hour after the taken one
        assertThat(answer.options().get(0).start()).isEqualTo(taken.plusHours(1));
    }

    private static void send(KafkaProducer<String, String> producer, String key, String type, String data) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>("cloud.availability", key, data);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
