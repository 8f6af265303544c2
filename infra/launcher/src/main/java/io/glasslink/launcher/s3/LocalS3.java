package io.glasslink.launcher.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.glasslink.launcher.process.LaunchException;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * S3Proxy on its filesystem backend, served from the launcher JVM (it is a plain HTTP server; a
 * JVM of its own would only add memory). Objects live under {@code baseDir} and survive restarts.
 */
public final class LocalS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final URI endpoint;

    private LocalS3(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Starts the store on {@code port} and creates {@code bucket} if it is missing. */
    public static LocalS3 start(Path baseDir, int port, String accessKey, String secretKey, String bucket) {
        try {
            Files.createDirectories(baseDir);
            Properties props = new Properties();
            // must be absolute: a relative basedir silently lists nothing
            props.setProperty("jclouds.filesystem.basedir", baseDir.toAbsolutePath().toString());
            BlobStore store = BlobStores.create("filesystem", props);
            if (!store.containerExists(bucket)) {
                store.createContainer(bucket);
            }
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(endpoint)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline || "FAILED".equals(proxy.getState())) {
                    throw new LaunchException("S3Proxy did not start on port " + port + ": " + proxy.getState());
                }
                Thread.sleep(20);
            }
            return new LocalS3(proxy, endpoint);
        } catch (LaunchException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new LaunchException("S3Proxy did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new LaunchException("S3Proxy did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
