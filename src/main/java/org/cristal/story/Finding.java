package org.cristal.story;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A problem found while adapting a story to a channel. The code is a stable key in the findings
 * bundle (for example {@code social.post.tooLong}); the message is formatted from it in the
 * reader's language. Line is the 1-based line of the story file, 0 when unknown.
 */
public record Finding(Severity severity, Channel channel, String code, List<Object> args, int line) {
    public Finding {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(code);
        args = List.copyOf(args);
    }

    public static Finding of(Severity severity, Channel channel, String code, int line, Object... args) {
        return new Finding(severity, channel, code, List.of(args), line);
    }

    public String message(Locale locale) {
        return Messages.format(Messages.FINDINGS_BUNDLE, locale, code, args.toArray());
    }

    public boolean hasLine() {
        return line > 0;
    }
}
