package io.glasslink.launcher.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on a machine without Docker, so this reads it as YAML and checks
 * what would break first: health, port clashes, and environment keys the services read but
 * compose does not set.
 */
class DockerComposeFileTest {

    /** compose service name -> module folder whose application*.yml it must satisfy. */
    private static final Map<String, String> MODULES = Map.of(
            "gateway-service", "gateway-service",
            "booking-web-service", "booking-web-service",
            "supply-chain-service", "supply-chain-service",
            "planning-service", "planning-service",
            "datahub-service", "datahub-service",
            "link-simulator", "infra/link-simulator");

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        root = Path.of(System.getProperty("glasslink.root", "../..")).toAbsolutePath().normalize();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader r = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = new Yaml(options).load(r);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        List<String> without = new ArrayList<>();
        services.forEach((name, svc) -> {
            if (!isOneShotJob(svc) && !(svc.get("healthcheck") instanceof Map<?, ?> hc && hc.get("test") != null)) {
                without.add(name);
            }
        });
        assertThat(without).as("services without a healthcheck").isEmpty();
        assertThat(services).containsKeys("kafka", "postgres", "s3", "link-simulator", "gateway-service",
                "booking-web-service", "supply-chain-service", "planning-service", "datahub-service");
    }

    @Test
    void publishedHostPortsDoNotCollide() {
        Map<Integer, List<String>> byPort = new TreeMap<>();
        services.forEach((name, svc) -> {
            for (Object p : list(svc.get("ports"))) {
                byPort.computeIfAbsent(hostPort(p), k -> new ArrayList<>()).add(name);
            }
        });
        Map<Integer, List<String>> clashes = new TreeMap<>();
        byPort.forEach((port, names) -> {
            if (names.size() > 1) {
                clashes.put(port, names);
            }
        });
        assertThat(clashes).as("host ports published by more than one service").isEmpty();
        assertThat(byPort).containsKeys(8080, 8081, 8082, 8083, 8084, 8474, 9092, 5432, 9000);
    }

    @Test
    void everyEnvironmentVariableAServiceReadsIsSetInItsComposeEnvironment() throws IOException {
        Map<String, Set<String>> missing = new TreeMap<>();
        for (var e : MODULES.entrySet()) {
            Set<String> read = placeholdersReadBy(root.resolve(e.getValue()));
            Set<String> set = environment(services.get(e.getKey())).keySet();
            read.removeAll(set);
            if (!read.isEmpty()) {
                missing.put(e.getKey(), read);
            }
        }
        assertThat(missing)
                .as("environment variables read in application*.yml but not set in docker-compose.yml, per service")
                .isEmpty();
    }

    @Test
    void dependenciesWaitForHealthOrCompletion() {
        List<String> weak = new ArrayList<>();
        services.forEach((name, svc) -> {
            if (svc.get("depends_on") instanceof Map<?, ?> deps) {
                deps.forEach((dep, cond) -> {
                    Object condition = cond instanceof Map<?, ?> m ? m.get("condition") : null;
                    boolean ok = "service_healthy".equals(condition)
                            || ("service_completed_successfully".equals(condition) && isOneShotJob(services.get(dep)));
                    if (!ok || !services.containsKey(dep)) {
                        weak.add(name + " -> " + dep + " (" + condition + ")");
                    }
                });
            } else if (svc.get("depends_on") != null) {
                weak.add(name + " uses the short depends_on form, which does not wait for health");
            }
        });
        assertThat(weak).isEmpty();
    }

    @Test
    void everyServiceHasAMemoryLimitAndEveryStatefulOneANamedVolume() {
        assertThat(services.entrySet().stream().filter(e -> e.getValue().get("mem_limit") == null).map(Map.Entry::getKey))
                .as("services without mem_limit").isEmpty();
        Set<?> declared = ((Map<?, ?>) compose.get("volumes")).keySet();
        for (String stateful : List.of("kafka", "postgres", "s3")) {
            List<String> named = list(services.get(stateful).get("volumes")).stream().map(String::valueOf)
                    .map(v -> v.split(":")[0]).filter(declared::contains).toList();
            assertThat(named).as(stateful + " keeps its data in a named volume").hasSize(1);
        }
    }

    @Test
    void everyServiceImageIsBuiltFromTheSharedDockerfileWithItsModule() {
        MODULES.forEach((name, module) -> {
            Map<?, ?> build = (Map<?, ?>) services.get(name).get("build");
            assertThat(build.get("dockerfile")).isEqualTo("infra/docker/Dockerfile");
            assertThat(((Map<?, ?>) build.get("args")).get("MODULE")).as(name).isEqualTo(module);
            assertThat(root.resolve(module).resolve("pom.xml")).exists();
        });
    }

    private static Set<String> placeholdersReadBy(Path module) throws IOException {
        Set<String> names = new TreeSet<>();
        Path resources = module.resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            return names;
        }
        try (Stream<Path> files = Files.list(resources)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("application.*\\.(ya?ml|properties)")).toList()) {
                Matcher m = ENV_PLACEHOLDER.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private static Map<String, Object> environment(Map<String, Object> svc) {
        Map<String, Object> env = new HashMap<>();
        Object raw = svc.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v));
        } else {
            for (Object entry : list(raw)) {
                String[] kv = String.valueOf(entry).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return env;
    }

    private static boolean isOneShotJob(Map<String, Object> svc) {
        return svc != null && "no".equals(String.valueOf(svc.get("restart")));
    }

    private static int hostPort(Object spec) {
        if (spec instanceof Map<?, ?> longForm) {
            return Integer.parseInt(String.valueOf(longForm.get("published")));
        }
        String[] parts = String.valueOf(spec).split(":");
        // "8080:8080" or "127.0.0.1:8080:8080"; a bare "8080" publishes a random host port
        return parts.length == 1 ? -1 : Integer.parseInt(parts[parts.length - 2]);
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
