package io.glasslink.datahub.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Resolves the sinks of an event from the declared routes; answers are cached per topic and type. */
public final class Router {

    private final List<CompiledRoute> routes;
    private final Map<String, List<Sink>> cache = new ConcurrentHashMap<>();

    public Router(RoutingProperties properties) {
        this.routes = properties.routes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> CompiledRoute.of(e.getKey(), e.getValue())).toList();
    }

    /** The distinct sinks of an event of {@code type} read from {@code topic}, in route order. */
    public List<Sink> sinksFor(String topic, String type) {
        return cache.computeIfAbsent(topic + '\u0000' + type, k -> {
            Set<Sink> sinks = new LinkedHashSet<>();
            for (CompiledRoute route : routes) {
                if (route.from.contains(topic) && route.matchesType(type)) {
                    sinks.add(route.sink);
                }
            }
            return List.copyOf(sinks);
        });
    }

    /** Every topic some route reads. */
    public Set<String> sourceTopics() {
        return routes.stream().flatMap(r -> r.from.stream()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every topic some route writes. */
    public Set<String> sinkTopics() {
        return routes.stream().map(r -> r.sink).filter(Sink.Topic.class::isInstance)
                .map(s -> ((Sink.Topic) s).name()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private record CompiledRoute(String name, Set<String> from, List<Pattern> types, Sink sink) {

        static CompiledRoute of(String name, RoutingProperties.Route route) {
            if (route.from() == null || route.from().isEmpty()) {
                throw new IllegalArgumentException("route " + name + " has no source topic");
            }
            List<Pattern> patterns = new ArrayList<>();
            for (String glob : route.types()) {
                patterns.add(Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q")));
            }
            return new CompiledRoute(name, Set.copyOf(route.from()), patterns, Sink.parse(route.to()));
        }

        boolean matchesType(String type) {
            return types.isEmpty() || types.stream().anyMatch(p -> p.matcher(type).matches());
        }
    }
}
