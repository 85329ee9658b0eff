package org.cristal.library;

/**
 * One line of a diff between two revisions. Line numbers are 1-based in the old and the new text,
 * 0 where the line does not exist on that side.
 */
public record DiffLine(Kind kind, String text, int oldLine, int newLine) {
    /** What happened to the line. */
    public enum Kind {
        SAME, REMOVED, ADDED
    }
}
