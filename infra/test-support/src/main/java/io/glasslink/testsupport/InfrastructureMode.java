package io.glasslink.testsupport;

import org.testcontainers.DockerClientFactory;

/**
 * Chooses how the real servers are provided: Testcontainers when a Docker engine answers, the
 * embedded real servers otherwise. {@code -Dglasslink.test.infra=embedded|containers} forces one.
 */
public enum InfrastructureMode {
    CONTAINERS, EMBEDDED;

    private static volatile InfrastructureMode current;

    /** The mode for this JVM, decided once. */
    public static InfrastructureMode current() {
        if (current == null) {
            synchronized (InfrastructureMode.class) {
                if (current == null) {
                    current = detect();
                }
            }
        }
        return current;
    }

    private static InfrastructureMode detect() {
        String forced = System.getProperty("glasslink.test.infra", System.getenv("GLASSLINK_TEST_INFRA"));
        if (forced != null && !forced.isBlank()) {
            return InfrastructureMode.valueOf(forced.trim().toUpperCase());
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? CONTAINERS : EMBEDDED;
        } catch (RuntimeException | LinkageError e) {
            return EMBEDDED;
        }
    }
}
