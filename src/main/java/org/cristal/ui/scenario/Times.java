package org.cristal.ui.scenario;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time of day as typed: "9:30", "9h30", "9 h 30", "09.30", "14", in either language. */
final class Times {
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:\\s*[:hH.]\\s*(\\d{2})?)?");

    private Times() {
    }

    /** Empty for "" (as soon as due) and for what does not read as a time. */
    static Optional<LocalTime> parse(String typed) {
        Matcher m = TIME.matcher(typed == null ? "" : typed.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group(1));
        int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return h < 24 && min < 60 ? Optional.of(LocalTime.of(h, min)) : Optional.empty();
    }

    static boolean readable(String typed) {
        return typed == null || typed.isBlank() || parse(typed).isPresent();
    }

    static String text(LocalTime t) {
        return t.format(DateTimeFormatter.ofPattern("H:mm"));
    }
}
