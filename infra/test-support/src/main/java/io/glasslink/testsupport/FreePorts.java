package io.glasslink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds a free TCP port on the loopback interface.
 *
 * @deprecated the port can be taken by another process between this call and the caller's bind:
 * bind port 0 and read the bound port instead.
 */
@Deprecated
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free a moment ago. */
    public static int find() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
