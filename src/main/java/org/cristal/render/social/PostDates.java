package org.cristal.render.social;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An offer's or event's start or end as an author writes it in front matter: {@code 2026-12-24},
 * {@code 2026-12-24T18:00}, {@code 2026-12-24 18h30}, or the French {@code 24/12/2026 18h}. The time is the
 * shop's local time, which is how Google reads a post's schedule; an offset, if written, is set aside.
 *
 * <p>A date without a time covers the whole day: a start at 00:00, an end at 23:59 ({@link #END_OF_DAY}),
 * and the plugin sends such a bound as a date alone.
 */
final class PostDates {
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59);
    private static final String TIME = "(?:[T ,]+(?:à\\s*|at\\s*)?(\\d{1,2})(?:[:hH](\\d{2})?)?(?::\\d{2}(?:\\.\\d+)?)?)?";
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})" + TIME + "\\s*(?:Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})" + TIME);

    private PostDates() {
    }

    /**
     * The moment written, or empty when nothing is written.
     *
     * @throws IllegalArgumentException when something is written that is not a date
     */
    static Optional<LocalDateTime> parse(String raw, boolean end) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher iso = ISO.matcher(s);
        Matcher fr = DAY_FIRST.matcher(s);
        try {
            if (iso.matches()) {
                return Optional.of(at(LocalDate.of(num(iso, 1), num(iso, 2), num(iso, 3)), iso.group(4),
                        iso.group(5), end));
            }
            if (fr.matches()) {
                return Optional.of(at(LocalDate.of(num(fr, 3), num(fr, 2), num(fr, 1)), fr.group(4), fr.group(5),
                        end));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(s, e);
        }
        throw new IllegalArgumentException(s);
    }

    /** Whether a bound is a whole day, to be sent as a date alone. */
    static boolean wholeDay(LocalDateTime t, boolean end) {
        return t.toLocalTime().equals(end ? END_OF_DAY : LocalTime.MIDNIGHT);
    }

    private static LocalDateTime at(LocalDate date, String hour, String minute, boolean end) {
        if (hour == null) {
            return date.atTime(end ? END_OF_DAY : LocalTime.MIDNIGHT);
        }
        return date.atTime(Integer.parseInt(hour), minute == null ? 0 : Integer.parseInt(minute));
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
