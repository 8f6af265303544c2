package io.glasslink.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsReportedWithTheProcessHoldingIt() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = held.getLocalPort();
            assertThat(Ports.isFree(port)).isFalse();
            assertThat(Ports.owner(port)).hasValueSatisfying(o -> assertThat(o).startsWith("pid " + ProcessHandle.current().pid() + " "));
            assertThatThrownBy(() -> Ports.requireFree(port, "gateway-service"))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("port " + port + " (gateway-service) is already taken by pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aReleasedPortIsFreeAgain() throws Exception {
        int port;
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = held.getLocalPort();
        }
        assertThat(Ports.isFree(port)).isTrue();
        assertThat(Ports.isListening(port)).isFalse();
    }
}
