package org.cristal.library.scenario;

/**
 * A condition of a step, checked for each contact when the step falls due.
 *
 * @param argument a segment name ({@link Kind#IN_SEGMENT}), a step id ({@link Kind#RECEIVED},
 *                 {@link Kind#CLICKED}), "" for {@link Kind#CONSENTING}
 * @param negated  "not in segment", "did not receive", "did not click"
 */
public record Condition(Kind kind, String argument, boolean negated) {
    public Condition {
        argument = argument == null ? "" : argument;
    }

    public enum Kind {
        /** Still consents to marketing on the step's channel (always checked before a send as well). */
        CONSENTING,
        /** Is in the named saved segment now. */
        IN_SEGMENT,
        /** Was sent the given earlier step. */
        RECEIVED,
        /** Visited from the given earlier step's links, according to the imported web analytics. */
        CLICKED
    }
}
