package io.glasslink.gateway.link;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Tags;
import io.netty.util.AttributeKey;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.tagsprovider.GatewayTagsProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.Connection;
import reactor.netty.resources.ConnectionProvider;

/**
 * The link path an on-prem call took. The link keeps a TCP connection on the path it was opened on, so each upstream
 * connection of the gateway is stamped, once, with the path the link's monitoring reports active when it opens, and a
 * call is tagged with the stamp of the connection its answer came on: a call on a connection pooled before a failback
 * is named {@code vpn}, as it really went. Routes whose metadata has {@code link: true} cross the link.
 */
@Configuration(proxyBeanMethods = false)
public class LinkPath {

    /** The span and metric tag naming the path. */
    public static final String TAG = "glasslink.link.path";

    /** The tag's value on routes that do not cross the link. */
    public static final String NONE = "none";

    /** The tag's value when the path is not known (no answer came back, or the link's state was never read). */
    public static final String UNKNOWN = "unknown";

    private static final AttributeKey<String> PATH = AttributeKey.valueOf(LinkPath.class.getName());

    /** Exchange attribute keeping the path of the answer's connection after the gateway let go of the connection. */
    private static final String ANSWERED_ON = LinkPath.class.getName() + ".answeredOn";

    /** The path of the call on {@code exchange}: {@code direct-connect}, {@code vpn}, {@link #UNKNOWN} or {@link #NONE}. */
    public static String of(ServerWebExchange exchange) {
        return of(exchange.getAttributes());
    }

    /** The path of the call whose exchange has these {@code attributes}. */
    public static String of(Map<String, Object> attributes) {
        if (!(attributes.get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) instanceof Route route) || !crossesLink(route)) {
            return NONE;
        }
        Connection connection = (Connection) attributes.get(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        Object path = connection != null ? connection.channel().attr(PATH).get() : attributes.get(ANSWERED_ON);
        return path == null ? UNKNOWN : path.toString();
    }

    /** Whether calls on {@code route} cross the link to on-prem (route metadata {@code link: true}). */
    public static boolean crossesLink(Route route) {
        Object link = route.getMetadata().get("link");
        return Boolean.TRUE.equals(link) || "true".equals(link);
    }

    /** Tags the gateway's per-route request metrics with the path. */
    @Bean
    GatewayTagsProvider linkPathTags() {
        return exchange -> Tags.of(TAG, of(exchange));
    }

    /** Notes the path of each answer's connection while the routing filter holds it (it may be released before the end). */
    @Bean
    HttpHeadersFilter linkPathOfAnswers() {
        return new HttpHeadersFilter() {
            @Override
            public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
                Connection connection = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
                String path = connection == null ? null : connection.channel().attr(PATH).get();
                if (path != null) {
                    exchange.getAttributes().put(ANSWERED_ON, path);
                }
                return input;
            }

            @Override
            public boolean supports(Type type) {
                return type == Type.RESPONSE;
            }
        };
    }

    /**
     * Spring Cloud Gateway's HTTP client, whose pool also drops an idle connection opened on a link path that is no
     * longer the active one: after a Direct Connect cut the next call opens a connection on the VPN instead of
     * waiting out a timeout on the dead path, and after the failback calls return to Direct Connect without waiting
     * for the pool's max life time. Reactor Netty applies a custom eviction predicate instead of max idle and life
     * time, so it checks them too.
     */
    @Bean
    HttpClientFactory gatewayHttpClientFactory(HttpClientProperties properties, ServerProperties server,
            List<HttpClientCustomizer> customizers, HttpClientSslConfigurer ssl, LinkMonitor monitor, LinkProperties link) {
        return new HttpClientFactory(properties, server, ssl, customizers) {
            @Override
            protected ConnectionProvider buildConnectionProvider(HttpClientProperties settings) {
                ConnectionProvider pooled = super.buildConnectionProvider(settings);
                ConnectionProvider.Builder builder = pooled.mutate();
                if (builder == null) {
                    return pooled;
                }
                pooled.dispose();
                Duration maxIdle = settings.getPool().getMaxIdleTime();
                Duration maxLife = settings.getPool().getMaxLifeTime();
                // checked when a connection is taken from the pool and, for idle ones, every poll of the link's state
                return builder.evictInBackground(link.pollInterval()).evictionPredicate((connection, metadata) ->
                        (maxIdle != null && metadata.idleTime() >= maxIdle.toMillis())
                                || (maxLife != null && metadata.lifeTime() >= maxLife.toMillis())
                                || onAnotherPath(connection, monitor.activePath())).build();
            }
        };
    }

    /** Whether the connection was opened on a known path that is not the link's active one. */
    static boolean onAnotherPath(Connection connection, String active) {
        String path = connection.channel().attr(PATH).get();
        return LinkMonitor.PATHS.contains(path) && LinkMonitor.PATHS.contains(active) && !path.equals(active);
    }

    @Bean
    HttpClientCustomizer linkPathOfConnections(LinkMonitor monitor) {
        // set once: the first callback of a connection is when it opens, later acquisitions from the pool keep the stamp
        return client -> client.doOnConnected(connection -> connection.channel().attr(PATH).setIfAbsent(monitor.activePath()));
    }
}
