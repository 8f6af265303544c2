package io.glasslink.testsupport;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proves that the three servers handed to tests are the real thing, not look-alikes. */
class RealInfrastructureTest {

    @Test
    void postgresEnforcesAnExclusionConstraintWithBtreeGist() throws SQLException {
        PostgresServer pg = TestInfrastructure.postgres();
        String url = pg.createDatabase("infra_proof");
        try (Connection c = DriverManager.getConnection(url, pg.username(), pg.password());
             Statement s = c.createStatement()) {
            s.execute("create extension if not exists btree_gist");
            s.execute("drop table if exists booking_proof");
            s.execute("create table booking_proof (technician_id int not null, during tstzrange not null, "
                    + "exclude using gist (technician_id with =, during with &&))");
            s.execute("insert into booking_proof values (1, tstzrange('2026-12-01 09:00+01', '2026-12-01 10:30+01'))");
            s.execute("insert into booking_proof values (2, tstzrange('2026-12-01 09:00+01', '2026-12-01 10:30+01'))");

            assertThatThrownBy(() -> s.execute(
                    "insert into booking_proof values (1, tstzrange('2026-12-01 10:00+01', '2026-12-01 11:00+01'))"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("23P01");
            var rs = s.executeQuery("select version(), count(*) from booking_proof group by 1");
            rs.next();
            assertThat(rs.getString(1)).startsWith("PostgreSQL 17");
            assertThat(rs.getInt(2)).isEqualTo(2);
        }
    }

    @Test
    void kafkaCommitsATransactionAndHidesAnAbortedOne() {
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        String topic = "proof-" + UUID.randomUUID();
        Map<String, Object> producerProps = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "proof-tx-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "k", "committed-2"));
            producer.commitTransaction();
        }
        Map<String, Object> consumerProps = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "proof-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.value());
                }
            }
        }
        assertThat(seen).containsExactly("committed-1", "committed-2");
    }

    @Test
    void s3StoreCompletesAMultipartUploadReadBackWithTheAwsSdk() {
        S3Server server = TestInfrastructure.s3();
        String bucket = "proof-" + UUID.randomUUID().toString().substring(0, 8);
        server.createBucket(bucket);
        byte[] part1 = "a".repeat(5 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        byte[] part2 = "tail of the object".getBytes(StandardCharsets.US_ASCII);
        try (S3Client s3 = server.newClient()) {
            String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("raw/proof.bin")).uploadId();
            String e1 = s3.uploadPart(b -> b.bucket(bucket).key("raw/proof.bin").uploadId(uploadId).partNumber(1),
                    RequestBody.fromBytes(part1)).eTag();
            String e2 = s3.uploadPart(b -> b.bucket(bucket).key("raw/proof.bin").uploadId(uploadId).partNumber(2),
                    RequestBody.fromBytes(part2)).eTag();
            s3.completeMultipartUpload(b -> b.bucket(bucket).key("raw/proof.bin").uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(
                            CompletedPart.builder().partNumber(1).eTag(e1).build(),
                            CompletedPart.builder().partNumber(2).eTag(e2).build()).build()));

            byte[] back = s3.getObjectAsBytes(b -> b.bucket(bucket).key("raw/proof.bin")).asByteArray();
            assertThat(back).hasSize(part1.length + part2.length);
            assertThat(new String(back, part1.length, part2.length, StandardCharsets.US_ASCII)).isEqualTo("tail of the object");
            assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("raw/")).contents())
                    .singleElement().satisfies(o -> assertThat(o.key()).isEqualTo("raw/proof.bin"));
        }
    }
}
