package io.glasslink.launcher.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a Spring Boot application whether it is ready (Actuator readiness group). */
public final class HealthProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private HealthProbe() {
    }

    /**
     * True when {@code /actuator/health/readiness} answers 200 — or, for an application without
     * health groups, when that path is 404 and {@code /actuator/health} answers 200.
     */
    public static boolean isReady(String baseUrl) {
        int readiness = status(baseUrl + "/actuator/health/readiness");
        return readiness == 200 || (readiness == 404 && status(baseUrl + "/actuator/health") == 200);
    }

    /** HTTP status of a GET, or -1 when nothing answers. */
    public static int status(String url) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
