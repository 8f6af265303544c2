package io.glasslink.drill.invariants;

/** One invariant's verdict, with the figures behind it. */
public record Invariant(String name, boolean holds, String detail) {

    public static Invariant holds(String name, String detail) {
        return new Invariant(name, true, detail);
    }

    public static Invariant broken(String name, String detail) {
        return new Invariant(name, false, detail);
    }

    public String verdict() {
        return holds ? "ok" : "BROKEN";
    }
}
