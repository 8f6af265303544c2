package io.glasslink.supplychain.network;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole network, immutable and held in memory: it is small (under 500 locations) and read on
 * every availability question.
 */
public final class Network {

    private final Map<String, Location> locations;
    private final Map<String, List<Location>> vanCentresByDepartement;
    private final Location dc;

    /** Builds the network from all its locations; exactly one must be the DC. */
    public Network(Collection<Location> all) {
        this.locations = all.stream().collect(Collectors.toUnmodifiableMap(Location::id, Function.identity()));
        this.dc = all.stream().filter(l -> l.type() == LocationType.DC).findFirst()
                .orElseThrow(() -> new IllegalStateException("the network has no distribution centre"));
        this.vanCentresByDepartement = all.stream()
                .filter(l -> l.type() == LocationType.CENTRE && l.vans() > 0)
                .sorted(Comparator.comparing(Location::id))
                .collect(Collectors.groupingBy(Location::departement, Collectors.toUnmodifiableList()));
    }

    /** The service centre with this id. */
    public Optional<Location> centre(String centreId) {
        Location l = centreId == null ? null : locations.get(centreId);
        return l != null && l.type() == LocationType.CENTRE ? Optional.of(l) : Optional.empty();
    }

    /** Any location by id. */
    public Optional<Location> location(String id) {
        return Optional.ofNullable(locations.get(id));
    }

    /** Where {@code location}'s stock comes from, if anywhere (the DC has no upstream). */
    public Optional<Location> upstreamOf(Location location) {
        return location.upstreamId() == null ? Optional.empty() : Optional.ofNullable(locations.get(location.upstreamId()));
    }

    /** The national distribution centre. */
    public Location dc() {
        return dc;
    }

    /** The centres whose vans serve homes with this postcode (empty when none does). */
    public List<Location> centresServingHome(Postcode postcode) {
        return vanCentresByDepartement.getOrDefault(postcode.departement(), List.of());
    }

    /** Number of locations. */
    public int size() {
        return locations.size();
    }
}
