package io.glasslink.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LocalKafkaTest {

    @Test
    void theBrokerRunsCombinedModeWithSingleReplicaInternalTopicsOnTheGivenPorts() {
        String props = LocalKafka.serverProperties(new LocalKafka.Layout(Path.of("/lib"), Path.of("/cfg"),
                Path.of("/data/kafka"), 19092, 19093));
        assertThat(props.lines()).contains(
                "process.roles=broker,controller",
                "controller.quorum.voters=1@127.0.0.1:19093",
                "listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
                "log.dirs=/data/kafka",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1");
    }
}
