package org.cristal.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Severity;

/** The findings of one check, at most {@value #MAX_PER_CODE} of each code so a long story stays readable. */
final class Report {
    static final int MAX_PER_CODE = 20;
    private final List<Finding> list = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();

    private final java.util.Set<Finding> seen = new java.util.HashSet<>();

    /** Adds a finding, once: the same word twice on a line, or in an image description and its paragraph, is one. */
    void add(Severity severity, Channel channel, String code, int line, Object... args) {
        Finding f = Finding.of(severity, channel, code, Math.max(0, line), args);
        if (seen.add(f) && counts.merge(code, 1, Integer::sum) <= MAX_PER_CODE) {
            list.add(f);
        }
    }

    List<Finding> list() {
        return List.copyOf(list);
    }
}
