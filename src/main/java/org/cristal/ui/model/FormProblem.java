package org.cristal.ui.model;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A problem with one front-matter field, shown under the field while the user types.
 *
 * @param field the field's key, as {@code FrontMatterForm.focusField} takes it ({@code title}, {@code cta.url} …)
 * @param key   the message key in {@code org.cristal.ui.messages}
 */
public record FormProblem(String field, String key) {
    public String message(ResourceBundle text, Locale locale) {
        return new MessageFormat(text.getString(key), locale).format(new Object[0]);
    }
}
