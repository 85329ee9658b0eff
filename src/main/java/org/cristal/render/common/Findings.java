package org.cristal.render.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Severity;

/**
 * Collects the findings of one rendering. Keeps at most {@value #MAX_PER_CODE} findings of each code:
 * a story with 50,000 plain-http links needs one list the reader can scan, not 50,000 lines.
 */
public final class Findings {
    static final int MAX_PER_CODE = 20;
    private final Channel channel;
    private final List<Finding> list = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();

    public Findings(Channel channel) {
        this.channel = channel;
    }

    public void add(Severity severity, String code, int line, Object... args) {
        int n = counts.merge(code, 1, Integer::sum);
        if (n <= MAX_PER_CODE) {
            list.add(Finding.of(severity, channel, code, Math.max(0, line), args));
        }
    }

    public Channel channel() {
        return channel;
    }

    public List<Finding> list() {
        return List.copyOf(list);
    }
}
