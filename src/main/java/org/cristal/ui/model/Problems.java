package org.cristal.ui.model;

import java.util.Locale;
import java.util.ResourceBundle;
import org.cristal.library.WorkspaceException;
import org.cristal.story.StoryFormatException;

/** Recognises failures the user can act on, whatever layer they were wrapped in. */
public final class Problems {
    private Problems() {
    }

    /**
     * A failure as the user reads it: the workspace's or the story's own localized reason, the full
     * disk, else a general sentence (the details are in the log).
     */
    public static String describe(Throwable t, ResourceBundle text, Locale locale) {
        Throwable cause = Workers.unwrap(t);
        if (cause instanceof WorkspaceException e) {
            return e.localizedMessage(locale);
        }
        if (cause instanceof StoryFormatException e) {
            return e.localizedMessage(locale);
        }
        if (diskFull(cause)) {
            return text.getString("error.diskFull");
        }
        return text.getString("error.unexpected");
    }

    /** SQLite's SQLITE_FULL or the system's ENOSPC, anywhere in the cause chain. */
    public static boolean diskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("sqlite_full") || m.contains("disk is full") || m.contains("no space left")) {
                return true;
            }
        }
        return false;
    }
}
