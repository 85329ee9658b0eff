package org.cristal.ui.brand;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cristal.library.WorkspaceException;
import org.cristal.story.StoryFormatException;

/** The editor's strings: bundle lookups and MessageFormat in the user's locale. */
final class BrandText {
    private final ResourceBundle text;
    private final Locale locale;

    BrandText(ResourceBundle text, Locale locale) {
        this.text = text;
        this.locale = locale;
    }

    String get(String key) {
        return text.getString(key);
    }

    /** Formats {@code key}; exceptions among the arguments are shown by their localized message. */
    String format(String key, List<Object> args) {
        Object[] shown = args.stream().map(this::shown).toArray();
        return new MessageFormat(text.getString(key), locale).format(shown);
    }

    String format(String key, Object... args) {
        return format(key, List.of(args));
    }

    private Object shown(Object arg) {
        if (arg instanceof WorkspaceException w) {
            return w.localizedMessage(locale);
        }
        if (arg instanceof StoryFormatException s) {
            return s.localizedMessage(locale);
        }
        if (arg instanceof Throwable t) {
            // Technical details are in the log; the user sees the exception's own words at most.
            return t.getLocalizedMessage() == null ? t.getClass().getSimpleName() : t.getLocalizedMessage();
        }
        return arg;
    }

    Locale locale() {
        return locale;
    }
}
