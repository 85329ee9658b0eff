package org.cristal.story;

import java.util.List;
import java.util.Locale;

/**
 * A story or brand file that cannot be read. Carries a message key and arguments so the UI and
 * the CLI can say it in the user's language, and the 1-based line of the file where it went wrong
 * (0 when unknown).
 */
public class StoryFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient List<Object> args;
    private final int line;

    public StoryFormatException(String key, int line, Object... args) {
        super(key + " at line " + line);
        this.key = key;
        this.line = line;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public int line() {
        return line;
    }

    public List<Object> args() {
        return args;
    }

    /** The message a user reads, with the line number when known. */
    public String localizedMessage(Locale locale) {
        String text = Messages.format(Messages.STORY_BUNDLE, locale, key, args.toArray());
        if (line <= 0) {
            return text;
        }
        return Messages.format(Messages.STORY_BUNDLE, locale, "error.atLine", line, text);
    }

    @Override
    public String getLocalizedMessage() {
        return localizedMessage(Locale.getDefault());
    }
}
