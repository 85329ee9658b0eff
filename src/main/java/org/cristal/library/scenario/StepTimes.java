package org.cristal.library.scenario;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When each step of a version falls due for one contact, in their own zone. Computed once when they enter,
 * from the entry time alone, so a restart or a late tick never shifts a step (ADR 0030).
 */
public final class StepTimes {
    /** The free field holding a contact's IANA zone ({@code Europe/Paris}). */
    public static final String ZONE_FIELD = "time_zone";

    private StepTimes() {
    }

    /** The contact's zone from their free fields, else {@code fallback} (a field that is no zone counts as none). */
    public static ZoneId zoneOf(Map<String, String> fields, ZoneId fallback) {
        String id = fields == null ? null : fields.get(ZONE_FIELD);
        if (id == null || id.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    /** Each step's due time, in order, for a contact who entered at {@code entered} and lives in {@code zone}. */
    public static List<Instant> of(List<Step> steps, Instant entered, ZoneId zone) {
        List<Instant> out = new ArrayList<>(steps.size());
        Instant previous = entered;
        for (Step s : steps) {
            Instant due = due(s, entered, previous, zone);
            out.add(due);
            previous = due;
        }
        return out;
    }

    /**
     * One step's due time. A date already past when the contact enters falls due at once (late rather than
     * never: the user chose to send it).
     */
    public static Instant due(Step step, Instant entered, Instant previousDue, ZoneId zone) {
        return switch (step.timing()) {
            case AFTER_PREVIOUS -> after(previousDue, step.delay(), step.timeOfDay(), zone);
            case AFTER_ENTRY -> {
                Instant due = after(entered, step.delay(), step.timeOfDay(), zone);
                yield due.isBefore(previousDue) ? previousDue : due;
            }
            case ON_DATE -> {
                LocalTime t = step.timeOfDay() == null ? LocalTime.MIDNIGHT : step.timeOfDay();
                Instant on = step.date() == null ? entered : local(step.date().atTime(t), zone);
                yield on.isBefore(entered) ? entered : on;
            }
        };
    }

    /**
     * {@code delay} after {@code from} as the contact lives it: whole days are calendar days in their zone (a
     * day across a clock change is still "tomorrow, same time"), then, with a time of day, "3 days at 9:00"
     * is 9:00 on the third day, and "2 hours at 9:00" the first 9:00 after those two hours.
     */
    public static Instant after(Instant from, java.time.Duration delay, LocalTime time, ZoneId zone) {
        long days = delay.toDays();
        ZonedDateTime z = from.atZone(zone).plusDays(days).plus(delay.minusDays(days));
        if (time == null) {
            return z.toInstant();
        }
        if (days > 0) {
            Instant onThatDay = local(z.toLocalDate().atTime(time), zone);
            if (onThatDay.isAfter(from)) {
                return onThatDay;
            }
        }
        return atTimeOfDay(z.toInstant(), time, zone);
    }

    /** The first instant at or after {@code from} whose local time in {@code zone} is {@code time}; null: {@code from}. */
    public static Instant atTimeOfDay(Instant from, LocalTime time, ZoneId zone) {
        if (time == null) {
            return from;
        }
        ZonedDateTime z = from.atZone(zone);
        Instant candidate = local(z.toLocalDate().atTime(time), zone);
        if (candidate.isBefore(from)) {
            candidate = local(z.toLocalDate().plusDays(1).atTime(time), zone);
        }
        return candidate;
    }

    /**
     * A local date-time as an instant: in a spring-forward gap, the first valid instant after it (02:30 on a
     * night that skips 02:00–03:00 is 03:00); in an autumn overlap, the earlier of the two.
     */
    static Instant local(LocalDateTime t, ZoneId zone) {
        ZoneOffsetTransition gap = zone.getRules().getTransition(t);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        return ZonedDateTime.ofLocal(t, zone, null).toInstant();
    }
}
