package io.glasslink.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusMetersTest {

    @Test
    void sampleNamesAreReadFromTheExpositionWithoutCommentsOrLabels() {
        String scrape = """
                # HELP link_rtt_seconds measured round trip per path
                # TYPE link_rtt_seconds gauge
                link_rtt_seconds{path="direct-connect"} 0.012
                link_rtt_seconds{path="vpn"} 0.031
                http_server_requests_seconds_bucket{le="0.1",uri="/api/v1/bookings"} 4
                http_server_requests_seconds_count{uri="/api/v1/bookings"} 4
                process_uptime_seconds 12.5
                """;

        assertThat(PrometheusMeters.parse(scrape)).containsExactly("http_server_requests_seconds_bucket",
                "http_server_requests_seconds_count", "link_rtt_seconds", "process_uptime_seconds");
    }
}
