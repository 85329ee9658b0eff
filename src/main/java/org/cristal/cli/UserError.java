package org.cristal.cli;

/**
 * A problem with what the user gave us (a missing file, broken front matter, a corrupt workspace):
 * reported as one localized line and exit code 2, with details only under {@code --verbose}.
 */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
