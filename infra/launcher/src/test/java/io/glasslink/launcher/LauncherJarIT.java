package io.glasslink.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code launcher.jar} — what {@code ./glasslink up} runs — carries what its
 * in-process servers need at run time: the S3 store is started from the jar's own classes and
 * libraries only (a class loader over {@code BOOT-INF/classes} and {@code BOOT-INF/lib}, nothing
 * from the test class path) and answers HTTP. The other tests run the launcher's classes from the
 * test class path, where a dependency missing from the jar (a test scope overriding a library's
 * compile-scope dependency) would not show.
 */
class LauncherJarIT {

    @Test
    void theS3StoreStartsFromThePackagedJarAlone(@TempDir Path work) throws Exception {
        Path jar = Path.of("target", "launcher.jar");
        assertThat(jar).as("built by the package phase").isRegularFile();
        List<URL> classPath = extract(jar, work.resolve("jar"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (URLClassLoader loader = new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> localS3 = loader.loadClass("io.glasslink.launcher.s3.LocalS3");
            assertThat(localS3.getClassLoader()).isSameAs(loader);
            Object store = localS3.getMethod("start", Path.class, int.class, String.class, String.class, String.class)
                    .invoke(null, work.resolve("s3"), port, "glasslink", "glasslink-secret", "glasslink-lake");
            try (AutoCloseable closing = (AutoCloseable) store) {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/glasslink-lake")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                // an anonymous request is refused by the S3 server itself: it runs
                assertThat(answer.statusCode()).isEqualTo(403);
                assertThat(answer.body()).contains("AccessDenied");
            }
        }
    }

    private static List<URL> extract(Path jar, Path into) throws IOException {
        List<URL> urls = new ArrayList<>();
        Path classes = Files.createDirectories(into.resolve("classes")); // exists first: its URL must end in '/'
        urls.add(classes.toUri().toURL());
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                Path target;
                if (name.startsWith("BOOT-INF/classes/") && !entry.isDirectory()) {
                    target = classes.resolve(name.substring("BOOT-INF/classes/".length()));
                } else if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    target = into.resolve("lib").resolve(name.substring("BOOT-INF/lib/".length()));
                    urls.add(target.toUri().toURL());
                } else {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return urls;
    }
}
