package io.glasslink.launcher.platform;

import java.io.PrintStream;

/** The table printed once the platform is up: where to click, where the logs are. */
public final class Summary {

    private Summary() {
    }

    /** Prints URLs, credentials of the local stores, log locations and the start-up figures. */
    public static void print(PlatformSettings s, Platform.Started started, boolean linkSimulator, boolean zipkin, boolean opsConsole,
                             PrintStream out) {
        PortPlan p = s.ports();
        out.println();
        out.printf("glasslink is up in %.1f s — %d processes, resident memory %.0f MiB (sum of RSS; %.0f MiB PSS)%n",
                started.elapsed().toMillis() / 1000.0, started.memory().processes(),
                started.memory().rssKiB() / 1024.0, started.memory().pssKiB() / 1024.0);
        out.println();
        row(out, "Web UI", "http://localhost:" + p.gateway() + "/");
        row(out, "Partner API (gateway)", "http://localhost:" + p.gateway() + "/api/v1/");
        row(out, "Partner API docs", "http://localhost:" + p.gateway() + "/api/docs/swagger-ui.html   (OpenAPI: /api/docs/openapi.json)");
        for (ServiceSpec spec : ServiceSpec.all(p)) {
            row(out, spec.name(), spec.baseUrl() + "/actuator/health   metrics: " + spec.baseUrl() + "/actuator/prometheus");
        }
        row(out, "Link control API", linkSimulator ? "http://localhost:" + p.linkControl() + "/state   (supply-chain via :"
                + p.linkSupplyChain() + ", planning via :" + p.linkPlanning() + ")" : "(not running: link-simulator not built)");
        row(out, "Traces (Zipkin)", zipkin ? "http://localhost:" + p.zipkin() + "/zipkin/   (API: /api/v2/traces)"
                : "(not running: " + Platform.ZIPKIN_JAR + " not there)");
        row(out, "Ops console", opsConsole ? "http://localhost:" + p.opsConsole() + "/   user " + Platform.opsUsername()
                + " (OPS_USERNAME / OPS_PASSWORD)" : "(not running: " + Platform.OPS_CONSOLE_JAR + " not built)");
        row(out, "S3 store (S3Proxy)", "http://127.0.0.1:" + p.s3() + "   bucket " + Platform.LAKE_BUCKET
                + ", key " + Platform.S3_ACCESS_KEY + " / " + Platform.S3_SECRET_KEY);
        row(out, "Kafka", "localhost:" + p.kafka());
        row(out, "PostgreSQL", "jdbc:postgresql://localhost:" + p.postgres() + "/{supplychain,planning,booking}   user "
                + Platform.DB_USERNAME + " / " + Platform.DB_PASSWORD);
        out.println();
        row(out, "Logs", s.logs() + "/<name>.log");
        row(out, "Data", s.data() + "   (kept across restarts; ./glasslink up --clean wipes it)");
        out.println();
        out.println(s.restartLimit() > 0
                ? "A process that crashes is started again (up to " + s.restartLimit() + " times in a row, GLASSLINK_RESTART_LIMIT);"
                : "Crashed processes stay down (GLASSLINK_RESTART_LIMIT=0);");
        out.println("./glasslink status shows crashes and restarts, ./glasslink restart NAME restarts one process.");
        out.println("Ctrl-C here (or ./glasslink stop) stops everything.");
    }

    private static void row(PrintStream out, String what, String where) {
        out.printf("  %-24s %s%n", what, where);
    }
}
