package org.cristal.library.abtest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a segment is split between the arms of a test: at random, but a random that can be told again. Each
 * contact's place in the draw comes from the test's seed and the contact's id alone (a SplitMix64 mix), so
 * the same seed and contacts give the same split on any machine; in that order contacts go to the arm with
 * fewest so far, so arms are even (they differ by one at most). A contact already in an arm stays in it.
 */
public record Split(long seed, List<String> arms) {
    public Split {
        arms = List.copyOf(arms);
        if (arms.size() < 2) {
            throw new IllegalArgumentException("a test has two arms or more");
        }
    }

    /**
     * The arm of every contact of {@code contacts}: those of {@code existing} keep theirs, the others are
     * drawn. Returns every contact of {@code contacts} with its arm, in {@code contacts}' order.
     */
    public Map<Long, String> assign(Collection<Long> contacts, Map<Long, String> existing) {
        Map<String, Integer> sizes = new HashMap<>();
        arms.forEach(a -> sizes.put(a, 0));
        existing.values().forEach(a -> sizes.merge(a, 1, Integer::sum));
        List<Long> drawn = new ArrayList<>();
        for (Long c : contacts) {
            if (!existing.containsKey(c)) {
                drawn.add(c);
            }
        }
        drawn.sort(Comparator.comparingLong((Long c) -> mix(seed ^ mix(c))).thenComparingLong(c -> c));
        Map<Long, String> chosen = new HashMap<>();
        for (Long c : drawn) {
            int least = Integer.MAX_VALUE;
            List<String> smallest = new ArrayList<>();
            for (String a : arms) {
                int n = sizes.get(a);
                if (n < least) {
                    least = n;
                    smallest.clear();
                }
                if (n == least) {
                    smallest.add(a);
                }
            }
            // A tie goes by the draw too, so no arm is favoured when the count is odd.
            String arm = smallest.get((int) Long.remainderUnsigned(mix(seed + c), smallest.size()));
            chosen.put(c, arm);
            sizes.merge(arm, 1, Integer::sum);
        }
        Map<Long, String> out = new LinkedHashMap<>();
        for (Long c : contacts) {
            out.put(c, existing.containsKey(c) ? existing.get(c) : chosen.get(c));
        }
        return out;
    }

    /** SplitMix64's finaliser: a cheap, well-spread mix of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
