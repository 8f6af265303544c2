package io.glasslink.launcher.process;

import java.nio.file.Path;

/** The {@code java} executable the launcher itself runs on, for its child JVMs. */
public final class Java {

    private Java() {
    }

    /** Absolute path of this JVM's {@code java} binary. */
    public static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
