package io.glasslink.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void aBareSelectorIsItsName() {
        assertThat(PromQl.metricNames("glasslink_link_path_up")).containsExactly("glasslink_link_path_up");
    }

    @Test
    void labelMatchersAndTheirValuesAreNotNames() {
        assertThat(PromQl.metricNames("link_rtt_seconds_bucket{path=~\"vpn|direct_connect\", le!=\"+Inf\", job='x_y'}"))
                .containsExactly("link_rtt_seconds_bucket");
    }

    @Test
    void functionsAggregationsAndTheirLabelListsAreNotNames() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (routeId, le) "
                + "(rate(spring_cloud_gateway_requests_seconds_bucket{routeId=~\"onprem-.*\"}[5m])))"))
                .containsExactly("spring_cloud_gateway_requests_seconds_bucket");
        assertThat(PromQl.metricNames("sum without(instance) (increase(a_total[10m])) / on(application) group_left(zone) b"))
                .containsExactly("a_total", "b");
        assertThat(PromQl.metricNames("max(x) by (path)")).containsExactly("x");
    }

    @Test
    void operatorsNumbersDurationsAndOffsetsAreNotNames() {
        assertThat(PromQl.metricNames("(a > bool 1e-3) and b offset 10m or c unless d offset 1h30m > 0.05 * Inf"))
                .containsExactly("a", "b", "c", "d");
        assertThat(PromQl.metricNames("rate(x[5m:30s]) > 0x1f")).containsExactly("x");
    }

    @Test
    void aSelectorByNameMatcherIsThatName() {
        assertThat(PromQl.metricNames("{__name__=\"datahub_lake_records_total\", application=\"datahub-service\"}"))
                .containsExactly("datahub_lake_records_total");
    }

    @Test
    void stringsCommentsAndGrafanaVariablesAreNotNames() {
        assertThat(PromQl.metricNames("label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\") # by job\n"
                + "+ rate(c_total[$__rate_interval])")).containsExactly("c_total", "up");
    }

    @Test
    void aMetricNamedLikeAnAggregationIsStillAName() {
        assertThat(PromQl.metricNames("count > 3")).containsExactly("count");
    }
}
