package io.glasslink.gateway.access;

import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated caller of one request, kept as an exchange attribute for the filters after
 * authentication (rate limits, identity token, metrics, access log).
 *
 * @param clientId  configured client id, or {@code anonymous}
 * @param kind      what kind of client it is
 * @param partnerId the partner id for partners, {@code null} otherwise
 */
public record Caller(String clientId, ClientKind kind, String partnerId) {

    /** Exchange attribute under which the caller is stored. */
    public static final String ATTRIBUTE = Caller.class.getName();

    /** The caller of the public routes. */
    public static final Caller ANONYMOUS = new Caller("anonymous", ClientKind.ANONYMOUS, null);

    /** The caller stored on {@code exchange}, or {@link #ANONYMOUS} when none was stored. */
    public static Caller of(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, ANONYMOUS);
    }
}
