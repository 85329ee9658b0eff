package org.cristal.library.audience;

import org.cristal.library.WorkspaceException;

/**
 * A segment expression that does not read: says what was expected and where, so the segment editor can
 * underline it while the user types and the command line can point at it.
 */
public final class SegmentException extends WorkspaceException {
    private static final long serialVersionUID = 1L;
    private final int column;
    private final int length;

    /**
     * @param column where the problem starts, from 1 (0 when it is not about one place)
     * @param length how many characters to underline (at least 1 when a column is given)
     */
    SegmentException(int column, int length, String key, Object... args) {
        super(key, args);
        this.column = column;
        this.length = length;
    }

    /** Where the problem starts in the expression, from 1; 0 when it is not about one place. */
    public int column() {
        return column;
    }

    /** How many characters the problem spans, for an underline. */
    public int length() {
        return length;
    }
}
