package org.cristal.library;

/** Where a publication stands. */
public enum OutboxState {
    /** Waiting for its time. */
    SCHEDULED,
    /** Taken by a sender. Found like this at start-up, it was interrupted: its outcome must be looked up. */
    SENDING,
    /** Failed in a way that may pass; tried again at {@code nextAttemptAt}. */
    RETRYING,
    /** Went live. */
    SENT,
    /** Failed for good (refused, credentials, retries used up); the user may fix and retry. */
    FAILED,
    /** Withdrawn by the user before it went. */
    CANCELLED;

    /** Still to be sent. */
    public boolean isPending() {
        return this == SCHEDULED || this == RETRYING;
    }
}
