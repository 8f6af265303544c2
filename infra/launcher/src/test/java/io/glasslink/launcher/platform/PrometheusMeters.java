package io.glasslink.launcher.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The meter names each running service exposes on {@code /actuator/prometheus}, as PromQL sees them
 * (sample names: {@code _total}, {@code _bucket}, {@code _count}, {@code _sum} included), for tests
 * that must only reference metrics the services really expose (e.g. the dashboards' queries).
 * {@link #ofEveryService(PortPlan)} asks a running platform; {@code PlatformSmokeIT} also writes what
 * it found to {@code infra/launcher/target/meter-names/<service>.txt}, one name a line.
 */
public final class PrometheusMeters {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusMeters() {
    }

    /** Each service's sample names, scraped with the local ops credentials (the gateway's ops API key beside them). */
    public static Map<String, Set<String>> ofEveryService(PortPlan ports) throws IOException, InterruptedException {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.all(ports)) {
            all.put(spec.name(), names(spec.baseUrl()));
        }
        return all;
    }

    /** The sample names of one service's scrape; an answer other than 200 is an error, not an empty set. */
    public static Set<String> names(String baseUrl) throws IOException, InterruptedException {
        return parse(scrape(baseUrl));
    }

    /** The text of one {@code /actuator/prometheus} answer; an answer other than 200 is an error. */
    public static String scrape(String baseUrl) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((Platform.opsUsername() + ":" + Platform.opsPassword())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .header("Authorization", "Basic " + basic).header("X-API-Key", "dev-ops-key")
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (scrape.statusCode() != 200) {
            throw new IOException(baseUrl + "/actuator/prometheus answered " + scrape.statusCode() + ": " + scrape.body());
        }
        return scrape.body();
    }

    /** Sample names of a Prometheus text exposition (comments skipped). */
    static Set<String> parse(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    /** Writes {@code <dir>/<service>.txt}, the names sorted, one a line. */
    public static void write(Map<String, Set<String>> byService, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (var e : byService.entrySet()) {
            Files.write(dir.resolve(e.getKey() + ".txt"), e.getValue());
        }
    }
}
