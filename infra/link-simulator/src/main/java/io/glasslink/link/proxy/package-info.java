/**
 * The TCP proxy: one listener per link, two pipes per connection, each pipe a delay line that applies the
 * path's latency, jitter and bandwidth per chunk in order, and the path's outages and Toxiproxy-style faults.
 */
package io.glasslink.link.proxy;
