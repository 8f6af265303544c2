package io.glasslink.link.control;

import java.util.Set;

/**
 * Answer of {@code GET /profiles}.
 *
 * @param applied   the profile last applied
 * @param available every profile that can be applied
 */
public record ProfilesView(String applied, Set<String> available) {
}
