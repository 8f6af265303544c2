package io.glasslink.observability;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric name the Grafana dashboards ({@code grafana/dashboards/*.json}) and the Prometheus alert rules
 * ({@code prometheus/rules/*.yml}) query, with where each is used. The platform-level test calls
 * {@link #notExposedBy(Collection)} with the real services' {@code /actuator/prometheus} answers.
 */
public final class QueriedMetrics {

    /** One PromQL expression and where it is written. */
    public record Query(String where, String expression) {
    }

    private final List<Query> queries;
    private final SortedMap<String, SortedSet<String>> byName = new TreeMap<>();

    private QueriedMetrics(List<Query> queries) {
        this.queries = List.copyOf(queries);
        for (Query q : queries) {
            for (String name : PromQl.metricNames(q.expression())) {
                byName.computeIfAbsent(name, n -> new TreeSet<>()).add(q.where());
            }
        }
    }

    /** Reads the dashboards and rules under {@code observabilityDir} (infra/observability). */
    public static QueriedMetrics read(Path observabilityDir) {
        List<Query> queries = new ArrayList<>();
        for (Path dashboard : files(observabilityDir.resolve("grafana/dashboards"), ".json")) {
            JsonNode root = JsonMapper.builder().build().readTree(dashboard.toFile());
            collectPanelQueries(root, dashboard.getFileName().toString(), root.path("title").asString(), queries);
        }
        for (Path rules : files(observabilityDir.resolve("prometheus/rules"), ".yml")) {
            collectRuleQueries(rules, queries);
        }
        return new QueriedMetrics(queries);
    }

    /** Every query read, in file order. */
    public List<Query> queries() {
        return queries;
    }

    /** Metric name → where it is queried ("file: panel" or "file: alert"). */
    public SortedMap<String, SortedSet<String>> byName() {
        return byName;
    }

    /**
     * The queried names that none of {@code prometheusScrapes} (the text of {@code /actuator/prometheus}) has a
     * sample of, with where each is queried. Meters created by the behaviour they count (a first dead letter, a
     * first landing) are only on a scrape taken after that behaviour.
     */
    public SortedMap<String, SortedSet<String>> notExposedBy(Collection<String> prometheusScrapes) {
        SortedSet<String> exposed = new TreeSet<>();
        prometheusScrapes.forEach(scrape -> exposed.addAll(sampleNames(scrape)));
        SortedMap<String, SortedSet<String>> missing = new TreeMap<>(byName);
        missing.keySet().removeAll(exposed);
        return missing;
    }

    /** The sample names of a Prometheus text exposition ({@code name{labels} value}, comments skipped). */
    public static SortedSet<String> sampleNames(String prometheusText) {
        SortedSet<String> names = new TreeSet<>();
        for (String line : prometheusText.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < l.length() && l.charAt(end) != '{' && !Character.isWhitespace(l.charAt(end))) {
                end++;
            }
            names.add(l.substring(0, end));
        }
        return names;
    }

    /** Every {@code expr} in the dashboard (panels, rows' panels, targets), named by its panel's title. */
    private static void collectPanelQueries(JsonNode node, String file, String panel, List<Query> queries) {
        if (node.isObject()) {
            String title = node.has("type") && node.has("title") ? node.get("title").asString() : panel;
            JsonNode expr = node.get("expr");
            if (expr != null && expr.isString()) {
                queries.add(new Query(file + ": " + title, expr.asString()));
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectPanelQueries(field.getValue(), file, title, queries);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectPanelQueries(child, file, panel, queries));
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectRuleQueries(Path file, List<Query> queries) {
        Map<String, Object> root;
        try (Reader r = Files.newBufferedReader(file)) {
            root = new Yaml().load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                Object name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
                queries.add(new Query(file.getFileName() + ": " + name, String.valueOf(rule.get("expr"))));
            }
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
