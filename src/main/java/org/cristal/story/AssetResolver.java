package org.cristal.story;

import java.util.Optional;

/**
 * Finds the bytes behind a reference written in a story ({@code ../images/hero.jpg}). Given to
 * renderers so that they stay free of I/O: the workspace answers from its asset table, the command
 * line from the story's folder. Implementations refuse anything outside their root (absolute paths,
 * {@code file:} URLs, {@code ..} escapes) and never go to the network.
 */
@FunctionalInterface
public interface AssetResolver {
    Optional<Asset> resolve(String reference);

    AssetResolver NONE = ref -> Optional.empty();
}
