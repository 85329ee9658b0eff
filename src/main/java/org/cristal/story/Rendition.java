package org.cristal.story;

import java.util.List;
import java.util.Objects;

/**
 * What a renderer made of one story for one channel: the output and the findings met on the way.
 *
 * @param <T> the channel's output type
 */
public record Rendition<T extends RenditionBody>(Channel channel, T body, List<Finding> findings) {
    public Rendition {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(body);
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
