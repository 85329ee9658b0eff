package org.cristal.publish;

import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/** A personalised print that cannot start or finish: one line in the user's language, nothing personal in it. */
public final class PrintException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient LocalText text;

    PrintException(Throwable cause, String key, Object... args) {
        super(key, cause);
        this.text = LocalText.fromBundle(PublishException.BUNDLE, key, args);
    }

    public LocalText text() {
        return text;
    }
}
