package io.glasslink.gateway.access;

/** The kinds of callers the gateway knows. */
public enum ClientKind {
    /** An unauthenticated browser on the public web routes. */
    ANONYMOUS,
    /** An external partner on the partner API. */
    PARTNER,
    /** A glasslink cloud service (e.g. booking-web) allowed on the hybrid on-prem routes. */
    INTERNAL,
    /** Operations tooling (e.g. the Prometheus scraper): the actuator endpoints other than health, no routes. */
    OPS
}
