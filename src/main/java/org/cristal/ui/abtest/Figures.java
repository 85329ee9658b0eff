package org.cristal.ui.abtest;

import java.util.Locale;
import java.util.OptionalDouble;

/** Numbers as people type them in a form: "20", "20,5" in French, "20.5 %", "1 200", "1,200" in English. */
final class Figures {
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    private Figures() {
    }

    /** The number typed, or empty when the text is not one (the form then says so). */
    static OptionalDouble parse(String text, Locale locale) {
        String s = text == null ? "" : text.strip();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        // Spaces of any kind group thousands in French.
        s = s.replaceAll("[\\s\\u00a0\\u202f]", "").replace('−', '-');
        if ("fr".equals(locale.getLanguage())) {
            // A French decimal comma; a dot typed out of habit reads the same.
            s = s.replace(',', '.');
        } else {
            s = s.replace(",", "");
        }
        if (!NUMBER.matcher(s).matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(s));
    }

    /** A whole number of contacts, or -1 when the text is not one. */
    static long count(String text, Locale locale) {
        OptionalDouble d = parse(text, locale);
        if (d.isEmpty() || d.getAsDouble() < 0 || d.getAsDouble() != Math.rint(d.getAsDouble())
                || d.getAsDouble() > 1e15) {
            return -1;
        }
        return (long) d.getAsDouble();
    }
}
