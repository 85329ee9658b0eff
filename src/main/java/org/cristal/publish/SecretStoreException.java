package org.cristal.publish;

import org.cristal.publish.spi.LocalText;

/**
 * The secret store is locked, missing or refused access; the message is for the user. A subclass,
 * {@link Locked}, says the user gave no passphrase, so the command line can tell how to give one.
 */
public class SecretStoreException extends Exception {
    private static final long serialVersionUID = 1L;
    private final LocalText text;

    public SecretStoreException(LocalText text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
    }

    public LocalText text() {
        return text;
    }

    /** No passphrase was given (the user declined, or there was no one to ask). */
    public static final class Locked extends SecretStoreException {
        private static final long serialVersionUID = 1L;

        public Locked(LocalText text) {
            super(text, null);
        }
    }
}
