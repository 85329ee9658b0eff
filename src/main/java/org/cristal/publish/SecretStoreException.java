package org.cristal.publish;

/** The secret store is locked, missing or refused access; the message is for the user. */
public class SecretStoreException extends Exception {
    private final LocalText text;

    public SecretStoreException(LocalText text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
    }

    public LocalText text() {
        return text;
    }
}
