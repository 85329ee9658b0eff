package org.cristal.publish;

import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/**
 * A request the {@link Publisher} cannot act on at all (no such story, account or outbox entry), with a
 * message for the user. Failures of a send itself are recorded in the outbox instead.
 */
public final class PublisherException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient LocalText text;

    public PublisherException(String key, Object... args) {
        this(LocalText.fromBundle(PublishException.BUNDLE, key, args));
    }

    PublisherException(LocalText text) {
        super(text.toString());
        this.text = text;
    }

    public LocalText text() {
        return text;
    }
}
