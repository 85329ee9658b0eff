package org.cristal.ui.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates and times as the publishing screens show them: in the user's language, with the zone named. */
public final class Dates {
    private Dates() {
    }

    /** "24 nov. 2026, 09:00 (Europe/Paris)". */
    public static String dateTime(Instant at, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(at) + " (" + zoneName(zone, locale) + ")";
    }

    /** "09:00". */
    public static String time(Instant at, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone).format(at);
    }

    /** The zone as people know it ("Europe/Paris" — a city is clearer than "CET" or "UTC+1"). */
    public static String zoneName(ZoneId zone, Locale locale) {
        String id = zone.getId();
        if (id.startsWith("Etc/")) {
            return id.substring(4);
        }
        return id.contains("/") ? id : zone.getDisplayName(TextStyle.SHORT, locale);
    }
}
