package org.cristal.publish.audience;

import org.cristal.publish.spi.LocalText;

/**
 * A sync could not be done, or not to the end, in words for the user (never an address, never a message's
 * text). What was applied before the failure stays applied: {@link #partial()} says what.
 */
public final class SyncException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient LocalText text;
    private final transient SyncReport partial;
    private final boolean retryable;

    SyncException(LocalText text, SyncReport partial, Throwable cause) {
        this(text, partial, cause, false);
    }

    SyncException(LocalText text, SyncReport partial, Throwable cause, boolean retryable) {
        super(text.toString(), cause);
        this.text = text;
        this.partial = partial == null ? new SyncReport() : partial;
        this.retryable = retryable;
    }

    static SyncException of(String key, Object... args) {
        return new SyncException(text(key, args), null, null);
    }

    public LocalText text() {
        return text;
    }

    /** A server or network that failed for now (trying later may work), rather than a setting or a file to fix. */
    public boolean retryable() {
        return retryable;
    }

    public SyncReport partial() {
        return partial;
    }

    static LocalText text(String key, Object... args) {
        return LocalText.fromBundle(org.cristal.publish.spi.PublishException.BUNDLE, key, args);
    }
}
