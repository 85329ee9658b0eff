package org.cristal.library;

import java.util.List;
import java.util.Locale;
import org.cristal.story.Messages;

/**
 * A workspace that cannot be opened or changed: not a Cristal file, damaged, too new, a missing
 * story. Carries a key of the {@code org.cristal.library.messages} bundle and its arguments, so the
 * studio and the command line can say it in the user's language; technical details stay in the cause.
 * Unchecked, because the studio calls the library from background tasks and lambdas.
 */
public class WorkspaceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The bundle the keys of this exception live in. */
    public static final String BUNDLE = "org.cristal.library.messages";
    private final String key;
    private final transient List<Object> args;

    public WorkspaceException(String key, Object... args) {
        this(null, key, args);
    }

    public WorkspaceException(Throwable cause, String key, Object... args) {
        super(key + " " + List.of(args), cause);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }

    /** The message a user reads. */
    public String localizedMessage(Locale locale) {
        return Messages.format(BUNDLE, locale, key, args.toArray());
    }

    @Override
    public String getLocalizedMessage() {
        return localizedMessage(Locale.getDefault());
    }
}
