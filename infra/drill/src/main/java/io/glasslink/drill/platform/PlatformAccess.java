package io.glasslink.drill.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a running platform listens, read from what its launcher wrote under {@code <home>/run}
 * ({@code platform.properties}, {@code control.properties}); the drill needs nothing else.
 */
public record PlatformAccess(Path home, Properties ports, int controlPort, String controlToken) {

    /** The dev keys of the gateway's defaults (README): a partner, a second partner, the internal client. */
    public static final String PARTNER_KEY = "dev-partner-key-1";
    public static final String SECOND_PARTNER_KEY = "dev-partner-key-2";
    public static final String INTERNAL_KEY = "dev-booking-web-key";
    /** The gateway's ops client (its actuator: circuit breakers). */
    public static final String OPS_KEY = "dev-ops-key";

    /** Reads the run folder of the platform at {@code home}; fails with a message when nothing runs there. */
    public static PlatformAccess of(Path home) {
        Path run = home.resolve("run");
        Properties ports = load(run.resolve("platform.properties"));
        Properties control = load(run.resolve("control.properties"));
        if (ports.isEmpty() || control.isEmpty()) {
            throw new IllegalStateException("no running platform at " + home + " (no run/platform.properties or"
                    + " run/control.properties): start it with ./glasslink up, or point GLASSLINK_HOME at it");
        }
        return new PlatformAccess(home, ports, Integer.parseInt(control.getProperty("port")), control.getProperty("token"));
    }

    public int port(String name) {
        String p = ports.getProperty("port." + name);
        if (p == null) {
            throw new IllegalStateException("platform.properties has no port." + name);
        }
        return Integer.parseInt(p);
    }

    public String gatewayUrl() {
        return "http://localhost:" + port("gateway");
    }

    public String linkControlUrl() {
        return "http://localhost:" + port("link-control");
    }

    public String jdbcUrl(String database) {
        return ports.getProperty("db." + database + ".url");
    }

    public String dbUser() {
        return ports.getProperty("db.username");
    }

    public String dbPassword() {
        return ports.getProperty("db.password");
    }

    public String kafkaBootstrap() {
        return ports.getProperty("kafka.bootstrap");
    }

    public String s3(String key) {
        return ports.getProperty("s3." + key);
    }

    public LauncherControl launcher() {
        return new LauncherControl(controlPort, controlToken);
    }

    public LinkControl link() {
        return new LinkControl(linkControlUrl());
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }
}
