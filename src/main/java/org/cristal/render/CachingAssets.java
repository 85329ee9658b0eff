package org.cristal.render;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cristal.story.Asset;
import org.cristal.story.AssetResolver;

/**
 * Remembers what another resolver answered, so that renders on every keystroke do not re-read the
 * same hero image from disk or from the workspace. Bounded: past a few hundred references it simply
 * starts over. Use a new instance when the underlying files may have changed.
 */
public final class CachingAssets implements AssetResolver {
    private static final int MAX_ENTRIES = 256;
    private final AssetResolver source;
    private final ConcurrentHashMap<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    public CachingAssets(AssetResolver source) {
        this.source = source;
    }

    @Override
    public Optional<Asset> resolve(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        Optional<Asset> known = cache.get(reference);
        if (known != null) {
            return known;
        }
        Optional<Asset> found = source.resolve(reference);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(reference, found);
        return found;
    }
}
