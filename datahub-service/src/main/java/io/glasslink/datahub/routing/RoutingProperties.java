package io.glasslink.datahub.routing;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The routes of the hub ({@code glasslink.datahub.routing}), keyed by name so that another property
 * source (a profile, an imported file) adds routes without repeating the others: each takes the
 * events of its source topics whose type matches one of its patterns to one sink. Sink topics listed in
 * {@code compacted-topics} are created log-compacted.
 */
@ConfigurationProperties("glasslink.datahub.routing")
public record RoutingProperties(@DefaultValue Map<String, Route> routes, @DefaultValue List<String> compactedTopics) {

    /**
     * One route.
     *
     * @param from  source topics
     * @param types CloudEvents types, {@code *} matches any run of characters; empty means every type
     * @param to    {@code lake} or {@code topic:<name>}
     */
    public record Route(List<String> from, @DefaultValue List<String> types, String to) {
    }
}
