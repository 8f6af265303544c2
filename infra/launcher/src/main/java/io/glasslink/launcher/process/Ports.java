package io.glasslink.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Free-port checks, and who holds a port when it is taken (read from {@code /proc}). */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago. */
    public static int findFree() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether nothing listens on {@code port} (any interface). */
    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts connections on {@code localhost:port}. */
    public static boolean isListening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message naming the port, its purpose and, if it can be found, its holder. */
    public static void requireFree(int port, String purpose) {
        if (!isFree(port)) {
            String who = owner(port).map(o -> " by " + o).orElse("");
            throw new LaunchException("port " + port + " (" + purpose + ") is already taken" + who
                    + ". Stop that process, or choose another port (see ./glasslink help).");
        }
    }

    /** "pid 123 (java -jar …)" for the process listening on {@code port}, when Linux tells us. */
    public static Optional<String> owner(int port) {
        try {
            Optional<String> inode = listeningInode(port);
            if (inode.isEmpty()) {
                return Optional.empty();
            }
            String target = "socket:[" + inode.get() + "]";
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                        boolean holds = fds.anyMatch(fd -> {
                            try {
                                return Files.readSymbolicLink(fd).toString().equals(target);
                            } catch (IOException e) {
                                return false;
                            }
                        });
                        if (holds) {
                            long pid = Long.parseLong(proc.getFileName().toString());
                            String cmd = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?");
                            return Optional.of("pid " + pid + " (" + abbreviate(cmd) + ")");
                        }
                    } catch (IOException | SecurityException e) {
                        // not ours to look at
                    }
                }
            }
            return Optional.of("another user's process");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> listeningInode(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p)) {
                String[] f = line.trim().split("\\s+");
                // local_address is f[1], state 0A = LISTEN, inode is f[9]
                if (f.length > 9 && f[1].endsWith(hexPort) && "0A".equals(f[3])) {
                    return Optional.of(f[9]);
                }
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
