package io.glasslink.drill.platform;

import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The link simulator's control API (docs/contracts.md): outages of a path, state, restore. */
public final class LinkControl {

    public static final String DIRECT_CONNECT = "direct-connect";
    public static final String VPN = "vpn";

    private final String base;

    LinkControl(String base) {
        this.base = base;
    }

    /** Cuts a path in both directions: {@code blackhole} (nothing delivered, as a cut fibre) or {@code refuse}. */
    public void cut(String path, String mode) {
        call("PUT", "/paths/" + path + "/outage", "{\"mode\":\"" + mode + "\"}");
    }

    public void restore(String path) {
        call("DELETE", "/paths/" + path + "/outage", null);
    }

    /** TCP RST on every open connection of a path. */
    public void resetConnections(String path) {
        call("POST", "/paths/" + path + "/reset-connections", null);
    }

    /** Back to the start profile: ends every outage and manual change. */
    public void restoreAll() {
        call("POST", "/restore", null);
    }

    public JsonNode state() {
        return call("GET", "/state", null).json();
    }

    public String activePath() {
        return state().path("activePath").asString();
    }

    public long failovers() {
        return state().path("failovers").asLong();
    }

    private Http.Answer call(String method, String path, String json) {
        Http.Answer a = Http.send(method, base + path, Map.of(), json, Duration.ofSeconds(10));
        if (!a.ok()) {
            throw new IllegalStateException("link control " + method + " " + path + " answered " + a.status() + ": "
                    + (a.error() != null ? a.error() : a.body()));
        }
        return a;
    }
}
