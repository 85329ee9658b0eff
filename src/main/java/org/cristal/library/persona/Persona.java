package org.cristal.library.persona;

import java.time.Instant;
import java.util.List;

/**
 * Whom a story is written for: a portrait the writer keeps in mind, and rules the checks hold the story
 * to. See docs/one-to-one.md, "Personas".
 *
 * @param goals          what they want, one per item
 * @param objections     what holds them back, one per item
 * @param tone           the tone that suits them, in the user's words
 * @param wordsUse       words that speak to them
 * @param wordsAvoid     words that put them off: a story for them that uses one gets a finding
 * @param channels       channel ids they use ({@code email}, {@code social}, {@code web}, {@code brochure})
 * @param channelsAvoid  channel ids they do not use: publishing there for them gets a finding
 * @param readingTarget  the lowest reading-ease score they read comfortably, 0 for none
 * @param segment        a segment expression finding their contacts, "" for none
 */
public record Persona(long id, String name, String portrait, List<String> goals, List<String> objections,
        String tone, List<String> wordsUse, List<String> wordsAvoid, List<String> channels,
        List<String> channelsAvoid, int readingTarget, String segment, Instant createdAt, Instant updatedAt) {
    public Persona {
        goals = List.copyOf(goals);
        objections = List.copyOf(objections);
        wordsUse = List.copyOf(wordsUse);
        wordsAvoid = List.copyOf(wordsAvoid);
        channels = List.copyOf(channels);
        channelsAvoid = List.copyOf(channelsAvoid);
    }

    /** What the checks hold a story written for this persona to. */
    public org.cristal.check.PersonaRules rules() {
        return new org.cristal.check.PersonaRules(name, wordsAvoid, readingTarget, channelsAvoid);
    }
}
