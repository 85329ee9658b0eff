package org.cristal.publish.audience;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The mailbox that receives the brand's unsubscribe address ({@code List-Unsubscribe: mailto:}) and the
 * bounce reports, read over IMAP. Kept per newsletter account ({@code account}, the id of the SMTP account
 * whose mail it answers, or any name), in the workspace without its password: that is in the secret store.
 *
 * @param security  {@code tls} (port 993, encrypted from the first byte), {@code starttls} (port 143,
 *                  upgraded, required) or {@code none}
 * @param folder    where the requests arrive, usually {@code INBOX}
 * @param processed what is done with a message once applied: marked as read, or moved to
 *                  {@value #PROCESSED_FOLDER}; a message Cristal does not recognise is left untouched
 */
public record Mailbox(String account, String host, int port, String security, String user, String folder,
        Processed processed) {
    public static final String TLS = "tls";
    public static final String STARTTLS = "starttls";
    public static final String NONE = "none";
    public static final String PROCESSED_FOLDER = "Cristal/processed";

    /** What happens to a message once applied. */
    public enum Processed {
        SEEN, MOVE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Processed> of(String id) {
            for (Processed p : values()) {
                if (p.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    public Mailbox {
        Objects.requireNonNull(account);
        host = host == null ? "" : host.strip();
        security = security == null || security.isBlank() ? TLS : security.strip().toLowerCase(Locale.ROOT);
        port = port > 0 ? port : defaultPort(security);
        user = user == null ? "" : user.strip();
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        processed = processed == null ? Processed.SEEN : processed;
    }

    public static int defaultPort(String security) {
        return switch (security) {
            case STARTTLS, NONE -> 143;
            default -> 993;
        };
    }

    /** The first setting that cannot be used, as a message key and its argument; empty when all can. */
    Optional<String[]> problem() {
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of(new String[] {"mailbox.error.host", host});
        }
        if (!(TLS.equals(security) || STARTTLS.equals(security) || NONE.equals(security))) {
            return Optional.of(new String[] {"mailbox.error.security", security});
        }
        if (port > 65535) {
            return Optional.of(new String[] {"mailbox.error.port", Integer.toString(port)});
        }
        if (user.isEmpty()) {
            return Optional.of(new String[] {"mailbox.error.user", ""});
        }
        return Optional.empty();
    }

    /** Where ledger rows say a request was read: the folder, never the address of the mailbox. */
    String source() {
        return "mailbox " + folder;
    }
}
