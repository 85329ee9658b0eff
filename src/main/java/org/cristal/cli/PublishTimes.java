package org.cristal.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Times on the command line: {@code 2026-12-01T09:00} (this computer's zone), with an offset, or a zone. */
final class PublishTimes {
    private PublishTimes() {
    }

    /** A moment and the zone the user meant it in. */
    record When(Instant instant, ZoneId zone) {
    }

    static When parse(String text, ZoneId system) {
        String t = text.strip();
        try {
            ZonedDateTime z = ZonedDateTime.parse(t, DateTimeFormatter.ISO_ZONED_DATE_TIME);
            return new When(z.toInstant(), z.getZone());
        } catch (DateTimeException e) {
            // not zoned: try the next form
        }
        try {
            OffsetDateTime o = OffsetDateTime.parse(t);
            return new When(o.toInstant(), o.getOffset());
        } catch (DateTimeException e) {
            // no offset either
        }
        try {
            return new When(LocalDateTime.parse(t).atZone(system).toInstant(), system);
        } catch (DateTimeException e) {
            throw new UserError(CliText.get("publish.badTime", text), e);
        }
    }

    static String show(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "-";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(CliText.locale())
                .format(instant.atZone(zone)) + " " + zone.getId();
    }
}
