package org.cristal.ui.model;

/** What the status bar says about the open story. */
public enum SaveState {
    /** Every keystroke is in the workspace as a revision. */
    SAVED,
    /** Typing is kept in the workspace as a draft; the next revision is made at a natural moment. */
    DRAFT_SAVED,
    /** Typed in the last second, not yet in the workspace. */
    UNSAVED,
    /** The workspace refused the text; it is still in the editor. */
    FAILED
}
