package io.glasslink.link;

import io.glasslink.link.paths.InvalidSettingException;
import java.net.InetSocketAddress;

/**
 * One link: the port it listens on in the cloud zone and the on-premise upstream it leads to.
 *
 * @param name         link name, e.g. {@code supply-chain}
 * @param listenPort   port to listen on; 0 picks a free one
 * @param upstreamHost upstream host
 * @param upstreamPort upstream port
 */
public record LinkTarget(String name, int listenPort, String upstreamHost, int upstreamPort) {

    /** Parses {@code host:port}. */
    public static LinkTarget of(String name, int listenPort, String upstream) {
        int colon = upstream == null ? -1 : upstream.lastIndexOf(':');
        if (colon <= 0) {
            throw new InvalidSettingException("upstream of link " + name + " must be host:port, was " + upstream);
        }
        try {
            return new LinkTarget(name, listenPort, upstream.substring(0, colon),
                    Integer.parseInt(upstream.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new InvalidSettingException("upstream of link " + name + " must be host:port, was " + upstream);
        }
    }

    InetSocketAddress upstreamAddress() {
        return new InetSocketAddress(upstreamHost, upstreamPort);
    }
}
