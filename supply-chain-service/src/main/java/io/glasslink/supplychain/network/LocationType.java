package io.glasslink.supplychain.network;

/** The role of a location in the network. */
public enum LocationType {
    /** The national distribution centre. */
    DC,
    /** A regional depot, supplied by the DC. */
    DEPOT,
    /** A service centre, supplied by its depot; its vans serve homes of its département. */
    CENTRE
}
