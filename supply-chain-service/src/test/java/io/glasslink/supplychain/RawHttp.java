package io.glasslink.supplychain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.glasslink.testsupport.ProblemChecks;
import tools.jackson.databind.JsonNode;

/** HTTP/1.1 written by hand, for what a well-behaved client cannot send (bad URLs, huge or odd headers). */
public final class RawHttp {

    private RawHttp() {
    }

    /** An answer as read off the socket. */
    public record Answer(int status, String head, String body) {

        /** A header's value, or null. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** Checks the answer is a problem of docs/contracts.md's shape with {@code expectedStatus}. */
        public JsonNode problem(int expectedStatus) {
            if (status != expectedStatus) {
                throw new AssertionError("expected " + expectedStatus + ", was: " + head + "\n" + body);
            }
            return ProblemChecks.check(status, header("Content-Type"), body);
        }
    }

    /** Sends {@code request} (request line, headers and body, CRLFs included) to {@code port}. */
    public static Answer send(int port, String request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String head = split < 0 ? answer : answer.substring(0, split);
            String body = split < 0 ? "" : answer.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of {@code target} with the given extra header lines (each ending in CRLF). */
    public static Answer get(int port, String target, String headers) {
        return send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers + "\r\n");
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
