package io.glasslink.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards and alert rules as files: what they query, and that each name is a meter a service documents or
 * its tests read from a real scrape. The platform-level test checks the same names against the running services
 * ({@link QueriedMetrics#notExposedBy}); promtool checks the syntax and runs the rules' unit tests (.ci/run).
 */
class DashboardsAndRulesTest {

    /** Where the services document their meters (README) and assert or read them on a scrape (tests). */
    private static final List<String> METER_SOURCES = List.of("gateway-service", "booking-web-service",
            "supply-chain-service", "planning-service", "datahub-service", "infra/link-simulator", "infra/launcher");

    /** A Micrometer name (dotted) or a Prometheus name (underscored), as READMEs and tests write them. */
    private static final Pattern METER_TOKEN = Pattern.compile("\\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\\b");

    /** What Micrometer's Prometheus naming adds to a meter's name (counters, timers, base units). */
    private static final List<String> SUFFIXES = List.of("", "_total", "_seconds", "_seconds_count", "_seconds_sum",
            "_seconds_max", "_count", "_sum", "_max", "_bytes_total");

    private static Path root;
    private static Path observability;
    private static QueriedMetrics queried;

    @BeforeAll
    static void readTheFiles() {
        root = Path.of(System.getProperty("glasslink.root", "../..")).toAbsolutePath().normalize();
        observability = root.resolve("infra/observability");
        queried = QueriedMetrics.read(observability);
    }

    @Test
    void theThreeDashboardsQueryPrometheusByItsProvisionedUidInEveryPanel() throws IOException {
        String datasources = Files.readString(observability.resolve("grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasources).contains("uid: prometheus");
        Set<String> uids = new HashSet<>();
        try (Stream<Path> files = Files.list(observability.resolve("grafana/dashboards"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode dashboard = JsonMapper.builder().build().readTree(file.toFile());
                assertThat(uids.add(dashboard.get("uid").asString())).as(file + " has its own uid").isTrue();
                List<String> withoutQuery = new ArrayList<>();
                for (JsonNode panel : dashboard.get("panels")) {
                    if ("row".equals(panel.get("type").asString())) {
                        continue;
                    }
                    assertThat(panel.at("/datasource/uid").asString()).as(panel.get("title").asString()).isEqualTo("prometheus");
                    boolean queries = false;
                    for (JsonNode target : panel.path("targets")) {
                        queries |= !PromQl.metricNames(target.path("expr").asString()).isEmpty();
                    }
                    if (!queries) {
                        withoutQuery.add(panel.get("title").asString());
                    }
                }
                assertThat(withoutQuery).as(file.getFileName() + ": panels that query no metric").isEmpty();
            }
        }
        assertThat(uids).containsExactlyInAnyOrder("glasslink-link", "glasslink-booking", "glasslink-datahub");
    }

    @Test
    void everyMetricADashboardOrRuleQueriesIsOneAServiceDocumentsOrItsTestsRead() throws IOException {
        Map<String, Boolean> documented = documentedMeters();
        SortedMap<String, SortedSet<String>> unknown = new TreeMap<>();
        queried.byName().forEach((name, where) -> {
            if (!isDocumented(name, documented)) {
                unknown.put(name, where);
            }
        });
        assertThat(queried.byName()).as("names queried").hasSizeGreaterThan(30);
        assertThat(unknown).as("metric names no service documents or reads in its tests, with where they are queried")
                .isEmpty();
    }

    @Test
    void everyAlertIsTestedFiringAndNotFiring() throws IOException {
        Set<String> alerts = new TreeSet<>();
        for (QueriedMetrics.Query q : queried.queries()) {
            if (q.where().startsWith("glasslink.rules.yml: ")) {
                alerts.add(q.where().substring("glasslink.rules.yml: ".length()));
            }
        }
        assertThat(alerts).contains("GlasslinkLinkDown", "GlasslinkLinkFailoverFlapping", "GlasslinkOutboxBacklogOld",
                "GlasslinkDeadLettersGrowing", "GlasslinkLakeStale", "GlasslinkGateway5xxRatioHigh");
        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        try (Stream<Path> files = Files.list(observability.resolve("prometheus/tests"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                for (Map<String, Object> test : list(yaml(file).get("tests"))) {
                    for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
                        String alert = String.valueOf(check.get("alertname"));
                        (list(check.get("exp_alerts")).isEmpty() ? silent : firing).add(alert);
                    }
                }
            }
        }
        assertThat(firing).as("alerts with a firing case").containsAll(alerts);
        assertThat(silent).as("alerts with a not-firing case").containsAll(alerts);
    }

    @Test
    void aNameMissingFromEveryScrapeIsReportedWithWhereItIsQueried() {
        String gateway = """
                # HELP glasslink_link_path_up 1 when the path's liveness probes answer
                # TYPE glasslink_link_path_up gauge
                glasslink_link_path_up{application="gateway-service",path="vpn"} 1.0
                glasslink_link_failovers_total{application="gateway-service"} 2.0
                """;
        SortedMap<String, SortedSet<String>> missing = queried.notExposedBy(List.of(gateway));
        assertThat(missing).doesNotContainKeys("glasslink_link_path_up", "glasslink_link_failovers_total")
                .containsKey("datahub_lake_freshness_seconds");
        assertThat(missing.get("datahub_lake_freshness_seconds"))
                .contains("glasslink.rules.yml: GlasslinkLakeStale", "datahub-lake.json: Freshness per dataset");
        assertThat(QueriedMetrics.sampleNames(gateway)).containsExactly("glasslink_link_failovers_total", "glasslink_link_path_up");
    }

    /** Meter names (Prometheus spelling) → whether a line naming them speaks of histogram buckets. */
    private static Map<String, Boolean> documentedMeters() throws IOException {
        Map<String, Boolean> names = new TreeMap<>();
        for (String module : METER_SOURCES) {
            List<Path> files = new ArrayList<>();
            files.add(root.resolve(module).resolve("README.md"));
            Path tests = root.resolve(module).resolve("src/test/java");
            if (Files.isDirectory(tests)) {
                try (Stream<Path> walk = Files.walk(tests)) {
                    walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
                }
            }
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    boolean buckets = line.toLowerCase().matches(".*(bucket|histogram|slo).*");
                    Matcher m = METER_TOKEN.matcher(line);
                    while (m.find()) {
                        names.merge(m.group().replace('.', '_'), buckets, Boolean::logicalOr);
                    }
                }
            }
        }
        return names;
    }

    private static boolean isDocumented(String name, Map<String, Boolean> documented) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && documented.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return true;
            }
        }
        for (String bucket : List.of("_bucket", "_seconds_bucket")) {
            if (name.endsWith(bucket)
                    && Boolean.TRUE.equals(documented.get(name.substring(0, name.length() - bucket.length())))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return new Yaml().load(r);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
