package org.cristal.library.abtest;

import org.cristal.library.WorkspaceException;

/**
 * A figure the planner or the evaluation cannot work with (a rate of 1.4, a negative count, more
 * conversions than contacts): one localized sentence of the library bundle saying what is expected.
 */
public final class AbInputException extends WorkspaceException {
    private static final long serialVersionUID = 1L;

    AbInputException(String key, Object... args) {
        super(key, args);
    }
}
