package org.cristal.ui.model;

import java.util.Locale;

/** Recognises failures the user can act on, whatever layer they were wrapped in. */
public final class Problems {
    private Problems() {
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
