package org.cristal.library.scenario;

/**
 * When a contact leaves a scenario before its end; checked before each of their steps.
 *
 * @param argument a segment name ({@link Kind#IN_SEGMENT}), a story id ({@link Kind#RECEIVED_STORY}), else ""
 */
public record ExitRule(Kind kind, String argument) {
    public ExitRule {
        argument = argument == null ? "" : argument;
    }

    public enum Kind {
        /** No longer in the scenario's segment. */
        LEFT_SEGMENT,
        /** Withdrew consent to marketing on a channel of the scenario. */
        UNSUBSCRIBED,
        /** A conversion was imported for their own link token. */
        CONVERTED,
        /** Entered the named segment ("customers"). */
        IN_SEGMENT,
        /** Was sent the given story by any other way. */
        RECEIVED_STORY
    }
}
