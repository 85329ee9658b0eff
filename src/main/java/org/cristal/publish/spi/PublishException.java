package org.cristal.publish.spi;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a publication (or a connection test) failed, in words for the user, and whether trying again can
 * help. The outbox retries {@link Kind#TRANSIENT} failures with backoff (honouring {@link #retryAfter()}),
 * never the others.
 */
public class PublishException extends Exception {
    /** Cristal's own publishing messages. */
    public static final String BUNDLE = "org.cristal.publish.messages";

    /** How the outbox should react. */
    public enum Kind {
        /** Connection dropped, timeout, 5xx, 429: try again later. */
        TRANSIENT,
        /** Refused for good as sent (400, 404, 422, a setting missing): fix something first. */
        PERMANENT,
        /** Credentials refused (401, 403): the user must reconnect the account. */
        AUTH,
        /** The user cancelled. */
        CANCELLED
    }

    private final Kind kind;
    private final LocalText text;
    private final Duration retryAfter;

    public PublishException(Kind kind, LocalText text, Duration retryAfter, Throwable cause) {
        super(Objects.requireNonNull(text).toString(), cause);
        this.kind = Objects.requireNonNull(kind);
        this.text = text;
        this.retryAfter = retryAfter;
    }

    public static PublishException transientFailure(LocalText text, Throwable cause) {
        return new PublishException(Kind.TRANSIENT, text, null, cause);
    }

    public static PublishException permanent(LocalText text) {
        return new PublishException(Kind.PERMANENT, text, null, null);
    }

    public static PublishException auth(LocalText text) {
        return new PublishException(Kind.AUTH, text, null, null);
    }

    public static PublishException cancelled() {
        return new PublishException(Kind.CANCELLED, LocalText.fromBundle(BUNDLE, "publish.error.cancelled"), null,
                null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    /** What the service asked for (HTTP Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The message for the user, never a stack trace. */
    public LocalText text() {
        return text;
    }

    public String message(Locale locale) {
        return text.get(locale);
    }
}
