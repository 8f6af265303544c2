package io.glasslink.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and these files must agree (no Docker engine here to try them): what compose mounts exists,
 * Prometheus scrapes every service where compose runs it, and the password file it reads is the one compose writes.
 */
class ComposeWiringTest {

    private static Path root;
    private static Map<String, Map<String, Object>> services;
    private static Map<String, Object> prometheus;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheFiles() throws IOException {
        root = Path.of(System.getProperty("glasslink.root", "../..")).toAbsolutePath().normalize();
        services = (Map<String, Map<String, Object>>) yaml(root.resolve("docker-compose.yml")).get("services");
        prometheus = yaml(root.resolve("infra/observability/prometheus/prometheus.yml"));
    }

    @Test
    void prometheusScrapesEveryServiceOnThePortComposeGivesIt() {
        Map<String, String> scraped = new TreeMap<>();
        for (Map<String, Object> job : list(prometheus.get("scrape_configs"))) {
            for (Map<String, Object> targets : list(job.get("static_configs"))) {
                for (Object target : (List<?>) targets.get("targets")) {
                    scraped.put(String.valueOf(job.get("job_name")), String.valueOf(target));
                }
            }
            if (!"prometheus".equals(job.get("job_name"))) {
                assertThat(job.get("metrics_path")).as(job.get("job_name").toString()).isEqualTo("/actuator/prometheus");
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (String service : List.of("gateway-service", "booking-web-service", "supply-chain-service", "planning-service",
                "datahub-service", "link-simulator")) {
            Object port = environment(service).get("SERVER_PORT");
            expected.put(service, service + ":" + port);
        }
        expected.put("prometheus", "localhost:9090");
        assertThat(scraped).isEqualTo(expected);
    }

    @Test
    void theGatewaysScrapeReadsThePasswordFileComposeWritesFromTheOpsPassword() {
        Map<String, Object> gateway = list(prometheus.get("scrape_configs")).stream()
                .filter(j -> "gateway-service".equals(j.get("job_name"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) gateway.get("basic_auth");
        assertThat(auth.get("username")).isEqualTo(environment("gateway-service").get("OPS_USERNAME"));
        String passwordFile = String.valueOf(auth.get("password_file"));
        String entrypoint = String.join(" ", strings(services.get("prometheus").get("entrypoint")));
        // "$$" is compose's escape: the container's shell expands its own OPS_PASSWORD
        assertThat(entrypoint).contains("\"$$OPS_PASSWORD\" > " + passwordFile)
                .contains("--config.file=/etc/prometheus/prometheus.yml");
        assertThat(environment("prometheus").get("OPS_PASSWORD")).isEqualTo(environment("gateway-service").get("OPS_PASSWORD"));
    }

    @Test
    void composeMountsTheConfigurationRulesProvisioningAndDashboardsThatExist() throws IOException {
        assertThat(mounts("prometheus")).containsEntry("/etc/prometheus", "./infra/observability/prometheus");
        assertThat(mounts("grafana")).containsEntry("/etc/grafana/provisioning", "./infra/observability/grafana/provisioning")
                .containsEntry("/var/lib/grafana/dashboards", "./infra/observability/grafana/dashboards");
        for (String source : List.of("prometheus/prometheus.yml", "prometheus/rules/glasslink.rules.yml",
                "grafana/provisioning/datasources/prometheus.yml", "grafana/provisioning/dashboards/glasslink.yml")) {
            assertThat(root.resolve("infra/observability").resolve(source)).isRegularFile();
        }
        // the rule files are found relative to prometheus.yml, i.e. under the mount
        assertThat(strings(prometheus.get("rule_files"))).containsExactly("rules/*.yml");
        String provider = Files.readString(root.resolve("infra/observability/grafana/provisioning/dashboards/glasslink.yml"));
        assertThat(provider).contains("path: /var/lib/grafana/dashboards");
        String datasource = Files.readString(root.resolve("infra/observability/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasource).contains("url: http://prometheus:" + port(services.get("prometheus")));
    }

    private static Map<String, String> mounts(String service) {
        Map<String, String> mounts = new TreeMap<>();
        for (String volume : strings(services.get(service).get("volumes"))) {
            String[] parts = volume.split(":");
            mounts.put(parts[1], parts[0]);
        }
        return mounts;
    }

    private static String port(Map<String, Object> service) {
        String published = strings(service.get("ports")).get(0);
        return published.substring(published.lastIndexOf(':') + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        Map<String, Object> env = (Map<String, Object>) services.get(service).get("environment");
        Map<String, Object> values = new TreeMap<>();
        env.forEach((k, v) -> values.put(k, String.valueOf(v)));
        return values;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(e -> out.add(String.valueOf(e)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return new Yaml().load(r);
        }
    }
}
