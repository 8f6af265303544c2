package io.glasslink.link.paths;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named configuration of both paths (for example {@code dx}, {@code zero}, {@code vpn-only}).
 *
 * @param name  profile name
 * @param paths configuration per path; a path not listed is clean
 */
public record LinkProfile(String name, Map<PathId, PathProfile> paths) {

    /** Copies the map and fills missing paths with {@link PathProfile#CLEAN}. */
    public LinkProfile {
        Objects.requireNonNull(name, "name");
        EnumMap<PathId, PathProfile> complete = new EnumMap<>(PathId.class);
        for (PathId id : PathId.values()) {
            complete.put(id, paths.getOrDefault(id, PathProfile.CLEAN));
        }
        paths = Map.copyOf(complete);
    }

    /** The configuration of one path. */
    public PathProfile path(PathId id) {
        return paths.get(id);
    }
}
