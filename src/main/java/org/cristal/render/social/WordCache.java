package org.cristal.render.social;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Remembers the weight of words that are slow to weigh (links, emoji), which a post counter meets again
 * and again while fitting hashtags and cutting threads. Bounded: emptied when full. Thread-safe, and
 * only ever holds values of a pure function, so results never depend on what was rendered before.
 */
final class WordCache {
    private static final int MAX_ENTRIES = 4096;
    private final ConcurrentHashMap<String, Long> weights = new ConcurrentHashMap<>();

    long get(String key, ToLongFunction<String> weigh) {
        Long known = weights.get(key);
        if (known != null) {
            return known;
        }
        long w = weigh.applyAsLong(key);
        if (weights.size() >= MAX_ENTRIES) {
            weights.clear();
        }
        weights.put(key, w);
        return w;
    }
}
