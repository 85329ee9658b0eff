package org.cristal.ui.publish;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.StorySummary;
import org.cristal.library.Workspace;
import org.cristal.ui.model.Workers;

/**
 * The publishing calendar: a month or a week of outbox entries in the user's zone, moved by dragging a
 * scheduled one to another day (keeping its time of day) or, in the week, to another hour.
 */
public final class CalendarModel {
    public enum Mode { MONTH, WEEK }

    /** An entry as the calendar shows it. */
    public record Chip(OutboxEntry entry, String title, LocalDateTime local) {
        /** A sent, sending or cancelled entry stays where it happened. */
        public boolean movable() {
            return entry.state().isPending() || entry.state() == OutboxState.FAILED;
        }

        /** Waiting for its time or its next attempt: it can go now instead. */
        public boolean canSendNow() {
            return entry.state().isPending();
        }

        /** Failed for good, or withdrawn: it can be tried again (same key and journal: nothing goes twice). */
        public boolean canRetry() {
            return entry.state() == OutboxState.FAILED || entry.state() == OutboxState.CANCELLED;
        }

        /** Its account's access was withdrawn: only a Connect lets it go, so Reconnect… comes first. */
        public boolean canReconnect() {
            return entry.awaitsReconnection();
        }

        public boolean canCancel() {
            return entry.state().isPending() || entry.state() == OutboxState.FAILED;
        }
    }

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final Runnable wakeScheduler;
    private final Locale locale;
    private final ZoneId zone;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.MONTH);
    private final ObjectProperty<LocalDate> anchor = new SimpleObjectProperty<>();
    private final ObservableList<Chip> chips = FXCollections.observableArrayList();
    private java.util.function.Function<String, java.util.Optional<org.cristal.publish.spi.ChannelPlugin>> plugins =
            id -> java.util.Optional.empty();

    CalendarModel(Workers workers, Supplier<Workspace> workspace, Runnable wakeScheduler, Locale locale, ZoneId zone,
            LocalDate today) {
        this.workers = workers;
        this.workspace = workspace;
        this.wakeScheduler = wakeScheduler;
        this.locale = locale;
        this.zone = zone;
        anchor.set(today);
    }

    /** Where the calendar finds an entry's plugin, for its icon (a Facebook Page, not just "social"). */
    void usePlugins(java.util.function.Function<String, java.util.Optional<org.cristal.publish.spi.ChannelPlugin>> find) {
        plugins = find;
    }

    /** The plugin an entry goes out through, if it is still installed. */
    public java.util.Optional<org.cristal.publish.spi.ChannelPlugin> plugin(OutboxEntry entry) {
        try {
            return plugins.apply(entry.plugin());
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** A day in the period shown. */
    public ObjectProperty<LocalDate> anchorProperty() {
        return anchor;
    }

    public ObservableList<Chip> chips() {
        return chips;
    }

    /** The days shown: whole weeks covering the month, or the anchor's week, starting on the locale's first day. */
    public List<LocalDate> days() {
        return mode.get() == Mode.MONTH ? monthGrid(YearMonth.from(anchor.get()), locale) : week(anchor.get(), locale);
    }

    /** Whole weeks (Monday first in French, Sunday first in American English) that cover the month. */
    public static List<LocalDate> monthGrid(YearMonth month, Locale locale) {
        DayOfWeek first = WeekFields.of(locale).getFirstDayOfWeek();
        LocalDate start = month.atDay(1).with(TemporalAdjusters.previousOrSame(first));
        LocalDate end = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(first.minus(1)));
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            out.add(d);
        }
        return out;
    }

    public static List<LocalDate> week(LocalDate day, Locale locale) {
        LocalDate start = day.with(TemporalAdjusters.previousOrSame(WeekFields.of(locale).getFirstDayOfWeek()));
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            out.add(start.plusDays(i));
        }
        return out;
    }

    /** "novembre 2026", "November 2026", or the week's first day for the week view. */
    public String title() {
        if (mode.get() == Mode.MONTH) {
            String m = anchor.get().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
            return Character.toUpperCase(m.charAt(0)) + m.substring(1) + " " + anchor.get().getYear();
        }
        List<LocalDate> w = days();
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(locale);
        return f.format(w.get(0)) + " – " + f.format(w.get(6));
    }

    /** The short weekday names in the grid's order ("lun.", "Mon"). */
    public List<String> weekdayNames() {
        List<String> out = new ArrayList<>();
        for (LocalDate d : week(anchor.get(), locale)) {
            out.add(d.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale));
        }
        return out;
    }

    /** Moves by one period: a month or a week (negative: back). */
    public void move(int periods) {
        anchor.set(mode.get() == Mode.MONTH ? anchor.get().plusMonths(periods) : anchor.get().plusWeeks(periods));
    }

    public void today(LocalDate today) {
        anchor.set(today);
    }

    /**
     * The locale whose region decides the first day of the week: the studio speaks "fr" or "en", which name
     * no region (and Java then starts weeks on Sunday), so the region comes from the computer's settings
     * when it has one (fr-CA starts on Sunday, fr-FR on Monday), else from the language's main country.
     */
    public static Locale withRegion(Locale language, Locale system) {
        if (!language.getCountry().isEmpty()) {
            return language;
        }
        if (!system.getCountry().isEmpty()) {
            return new Locale(language.getLanguage(), system.getCountry());
        }
        return switch (language.getLanguage()) {
            case "fr" -> Locale.FRANCE;
            case "en" -> Locale.US;
            default -> language;
        };
    }

    /** Puts the entry back in the queue for now (send now, try again); completes on the UI thread. */
    public CompletableFuture<Boolean> sendNow(Chip chip) {
        return change(chip, ws -> ws.outbox().reschedule(chip.entry().id(), Instant.now(), zone), true);
    }

    /** Withdraws the entry; completes on the UI thread. */
    public CompletableFuture<Boolean> cancel(Chip chip) {
        return change(chip, ws -> ws.outbox().cancel(chip.entry().id()), false);
    }

    private CompletableFuture<Boolean> change(Chip chip, java.util.function.Predicate<Workspace> work, boolean wake) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        workers.io().execute(() -> {
            try {
                boolean changed = work.test(workspace.get());
                if (changed && wake) {
                    wakeScheduler.run();
                }
                workers.fx().execute(() -> load().whenComplete((v, t) -> done.complete(changed)));
            } catch (RuntimeException e) {
                workers.fx().execute(() -> done.completeExceptionally(e));
            }
        });
        return done;
    }

    /** Reads the entries of the days shown; completes on the UI thread. */
    public CompletableFuture<Void> load() {
        List<LocalDate> days = days();
        Instant from = days.get(0).atStartOfDay(zone).toInstant();
        Instant to = days.get(days.size() - 1).plusDays(1).atStartOfDay(zone).toInstant();
        return workers.onWorkspace("reading the calendar", () -> {
            Workspace ws = workspace.get();
            Map<String, String> titles = new TreeMap<>();
            for (StorySummary s : ws.stories().list()) {
                titles.put(s.id(), s.title());
            }
            List<Chip> list = new ArrayList<>();
            for (OutboxEntry e : ws.outbox().between(from, to)) {
                if (e.isScenarioStep()) {
                    continue; // one chip per contact would bury the publications: the scenario screen follows them
                }
                list.add(new Chip(e, titles.getOrDefault(e.storyId(), e.storyId()), local(e)));
            }
            return list;
        }).thenAccept(chips::setAll);
    }

    /** When the entry shows: its publication time if it went, else its schedule, in the user's zone. */
    LocalDateTime local(OutboxEntry e) {
        Instant at = e.publishedAt() != null ? e.publishedAt() : e.scheduledAt();
        return LocalDateTime.ofInstant(at, zone);
    }

    public List<Chip> on(LocalDate day) {
        return chips.stream().filter(c -> c.local().toLocalDate().equals(day))
                .sorted(java.util.Comparator.comparing(Chip::local)).toList();
    }

    /** Where a chip dropped on {@code day} goes: the same local time of day that day, in the user's zone. */
    public Instant dropTarget(Chip chip, LocalDate day, Integer hour) {
        LocalTime time = hour == null ? chip.local().toLocalTime()
                : LocalTime.of(hour, chip.local().getMinute());
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /**
     * Reschedules the entry to {@code day} (and {@code hour} in the week view, null to keep the hour); false
     * for a chip that cannot move. Completes on the UI thread with whether the outbox took it. A drop in
     * the past, or back where the chip already was, does nothing: rescheduling clears a failed entry's
     * backoff, and a slip of the mouse must not send it again at once.
     */
    public CompletableFuture<Boolean> drop(Chip chip, LocalDate day, Integer hour) {
        Instant at = dropTarget(chip, day, hour);
        if (!chip.movable() || !at.isAfter(Instant.now()) || at.equals(chip.entry().scheduledAt())) {
            return CompletableFuture.completedFuture(false);
        }
        return workers.onWorkspace("rescheduling a publication", () -> {
            boolean moved = workspace.get().outbox().reschedule(chip.entry().id(), at, zone);
            if (moved) {
                wakeScheduler.run();
            }
            return moved;
        }).thenCompose(moved -> load().handle((v, t) -> moved));
    }
}
