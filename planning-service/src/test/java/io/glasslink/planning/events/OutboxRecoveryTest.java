package io.glasslink.planning.events;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.appointments.AppointmentService;
import io.glasslink.planning.appointments.HoldCommand;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publication an instance left {@code PROCESSING} (it stopped between the Kafka send and the completion) is
 * resubmitted and published with the id it was stored with; an outbox row carries the status and attempt count that
 * the resubmission claim relies on.
 */
class OutboxRecoveryTest extends PlanningIntegrationTest {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    AppointmentService appointments;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    void aPublicationLeftProcessingByAStoppedInstanceIsPublishedWithItsId() throws Exception {
        // the row a hold writes, seen inside its transaction, which is then rolled back (nothing sent)
        String centre = "C090";
        Object start = slots(centre, "CHIP_REPAIR", dayWithSlots(centre, "CHIP_REPAIR", 6)).get(0).get("start");
        Map<String, Object> row = tx.execute(status -> {
            var hold = appointments.hold(new HoldCommand("REC-" + UUID.randomUUID(), JobType.CHIP_REPAIR, false, centre,
                    Mode.CENTRE, null, OffsetDateTime.parse((String) start)));
            Map<String, Object> written = jdbc.queryForMap("""
                    select id, listener_id, event_type, serialized_event, status, completion_attempts,
                      last_resubmission_date is not null as resubmission_date_set
                    from event_publication where serialized_event like ?""", "%" + hold.appointmentId() + "%");
            status.setRollbackOnly();
            return written;
        });
        assertThat(row.get("status")).as("the resubmission claim needs a status").isEqualTo("PUBLISHED");
        assertThat(row.get("completion_attempts")).isEqualTo(1);
        assertThat(row.get("resubmission_date_set")).isEqualTo(true);

        // as an instance leaves it when it stops after marking it PROCESSING
        UUID id = UUID.randomUUID();
        java.time.OffsetDateTime twoMinutesAgo = java.time.OffsetDateTime.ofInstant(CLOCK.instant().minusSeconds(120),
                java.time.ZoneOffset.UTC);
        jdbc.update("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                  completion_attempts, last_resubmission_date)
                values (?, ?, ?, ?, ?, 'PROCESSING', 1, ?)""",
                id, row.get("listener_id"), row.get("event_type"), row.get("serialized_event"), twoMinutesAgo, twoMinutesAgo);
        Matcher m = EVENT_ID.matcher((String) row.get("serialized_event"));
        assertThat(m.find()).isTrue();
        String eventId = m.group(1);

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(id) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count(id)).as("completed (deleted) once Kafka acknowledged it").isZero();

        boolean found = false;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-recovery-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("planning.events"));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!found && System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    found |= eventId.equals(PlanningEventsTest.header(r, "ce_id"));
                }
            }
        }
        assertThat(found).as("published with the id it was stored with").isTrue();
    }

    private int count(UUID id) {
        Integer n = jdbc.queryForObject("select count(*) from event_publication where id = ?", Integer.class, id);
        return n == null ? -1 : n;
    }
}
