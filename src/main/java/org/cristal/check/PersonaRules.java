package org.cristal.check;

import java.util.List;

/**
 * What a story written for a persona is held to, as plain values: the caller (the studio, the CLI) reads
 * the persona from the workspace, which this layer cannot see. See docs/one-to-one.md, "Personas".
 *
 * @param name          the persona's name, as findings say it
 * @param wordsAvoid    words or short phrases that put them off
 * @param readingTarget the lowest reading-ease score they read comfortably, 0 for none
 * @param channelsAvoid channel ids they do not use ({@code email}, {@code social}, {@code web}, {@code brochure})
 */
public record PersonaRules(String name, List<String> wordsAvoid, int readingTarget, List<String> channelsAvoid) {
    public PersonaRules {
        name = name == null ? "" : name;
        wordsAvoid = List.copyOf(wordsAvoid);
        channelsAvoid = List.copyOf(channelsAvoid);
    }
}
