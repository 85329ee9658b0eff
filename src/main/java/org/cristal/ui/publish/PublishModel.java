package org.cristal.ui.publish;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.Workspace;
import org.cristal.library.abtest.AbTests;
import org.cristal.publish.ChecklistItem;
import org.cristal.publish.Outcome;
import org.cristal.publish.Publisher;
import org.cristal.publish.Queued;
import org.cristal.publish.spi.LocalText;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;
import org.cristal.story.Variants;
import org.cristal.ui.model.Dates;
import org.cristal.ui.model.Workers;

/**
 * "Publish everywhere" for one story: a row per enabled account (ready, warned, blocked), which ones to
 * include and when, then queue them all and send the ones due now with progress per row, cancel and retry.
 */
public final class PublishModel {
    /** Where a row stands once the user pressed Publish. */
    public enum RowState { WAITING, SENDING, PUBLISHED, SCHEDULED, FAILED }

    /** One account's line. */
    public static final class Row {
        private final ChecklistItem item;
        private final List<String> notes;
        private final BooleanProperty included = new SimpleBooleanProperty();
        private final BooleanProperty now = new SimpleBooleanProperty(true);
        private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
        private final ObjectProperty<LocalTime> time = new SimpleObjectProperty<>();
        private final ReadOnlyObjectWrapper<RowState> state = new ReadOnlyObjectWrapper<>();
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
        private volatile long entryId = -1;

        private final String reach;

        Row(ChecklistItem item, List<String> notes, ZonedDateTime later) {
            this(item, notes, later, "");
        }

        Row(ChecklistItem item, List<String> notes, ZonedDateTime later, String reach) {
            this.item = item;
            this.notes = notes;
            this.reach = reach;
            included.set(canTick());
            date.set(later.toLocalDate());
            time.set(later.toLocalTime());
            // A blocked row cannot be ticked whatever a binding or a test tries.
            included.addListener((o, a, b) -> {
                if (b && !canTick()) {
                    included.set(false);
                }
            });
        }

        public ChecklistItem item() {
            return item;
        }

        /** For a newsletter, "Reaches 312 · 41 left out (…)" in the user's language. */
        public java.util.Optional<String> reach() {
            return reach.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(reach);
        }

        /** Why it is blocked or warned, in the user's language. */
        public List<String> notes() {
            return notes;
        }

        /** The findings of the account's channels, in the user's language (the notes count them). */
        public List<String> findings(Locale locale) {
            return item.findings().stream().map(f -> f.message(locale)).toList();
        }

        public boolean canTick() {
            return item.status() != ChecklistItem.Status.BLOCKED;
        }

        public BooleanProperty includedProperty() {
            return included;
        }

        /** True: send as soon as Publish is pressed; false: at {@link #dateProperty()} {@link #timeProperty()}. */
        public BooleanProperty nowProperty() {
            return now;
        }

        public ObjectProperty<LocalDate> dateProperty() {
            return date;
        }

        public ObjectProperty<LocalTime> timeProperty() {
            return time;
        }

        /** Null until Publish. */
        public ReadOnlyObjectProperty<RowState> stateProperty() {
            return state.getReadOnlyProperty();
        }

        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        /** The outcome in words: the error, the time it is scheduled for, a progress line. */
        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        /** Where what went live can be seen; "" when nothing or no address. */
        public ReadOnlyStringProperty urlProperty() {
            return url.getReadOnlyProperty();
        }

        /**
         * What became of an earlier unfinished publication of the story on this account (kept or replaced,
         * never doubled), in the user's words; "" when there was none.
         */
        public ReadOnlyStringProperty noteProperty() {
            return note.getReadOnlyProperty();
        }

        public long entryId() {
            return entryId;
        }
    }

    private final Workers workers;
    private final Executor network;
    private final Supplier<Publisher> publisher;
    private final Supplier<Workspace> workspace;
    private final Runnable wakeScheduler;
    private final Consumer<String> published;
    private final ResourceBundle text;
    private final Locale locale;
    private final ZoneId zone;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** The saved segment a newsletter goes to; "" for everyone who agreed. */
    private final javafx.beans.property.StringProperty segment = new javafx.beans.property.SimpleStringProperty("");
    private final ObservableList<String> segments = FXCollections.observableArrayList();
    /** The element a newsletter is sent as an A/B test of ("subject", "cta"…); "" for no test. */
    private final javafx.beans.property.StringProperty abTest = new javafx.beans.property.SimpleStringProperty("");
    private final ObservableList<String> testable = FXCollections.observableArrayList();
    /** The A/B test's plan, sized for the newsletter's reach: said before anything is sent. */
    private final org.cristal.ui.abtest.PlannerModel planner;
    private String storyId = "";

    PublishModel(Workers workers, Executor network, Supplier<Publisher> publisher, Supplier<Workspace> workspace,
            Runnable wakeScheduler, Consumer<String> published, ResourceBundle text, Locale locale, ZoneId zone) {
        this.published = published;
        this.workspace = workspace;
        this.workers = workers;
        this.network = network;
        this.publisher = publisher;
        this.wakeScheduler = wakeScheduler;
        this.text = text;
        this.locale = locale;
        this.zone = zone;
        this.planner = new org.cristal.ui.abtest.PlannerModel(text, locale);
    }

    /** The plan of an A/B send: usual rate and change worth knowing in, contacts needed and warnings out. */
    public org.cristal.ui.abtest.PlannerModel planner() {
        return planner;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The segment newsletter rows send to ("" for every contact who agreed); reload after changing it. */
    public javafx.beans.property.StringProperty segmentProperty() {
        return segment;
    }

    /** The saved segments' names, read with the checklist. */
    public ObservableList<String> segments() {
        return segments;
    }

    /**
     * The element newsletter rows are sent as an A/B test of: their segment split at random between the
     * story's variants of it ({@code "subject"}, {@code "cta"}…); "" sends the story as written to everyone.
     */
    public javafx.beans.property.StringProperty abTestProperty() {
        return abTest;
    }

    /** The elements the story has variants of (ids, read with the checklist): what an A/B test can vary. */
    public ObservableList<String> testable() {
        return testable;
    }

    /** Reads the checklist again (after the segment changed). */
    public CompletableFuture<Void> reload() {
        return load(storyId);
    }

    /** True when a row sends to contacts (a newsletter): then the segment matters. */
    public boolean sendsToContacts() {
        return rows.stream().anyMatch(r -> r.item.reach() != null);
    }

    /** The zone the times are in, shown next to them. */
    public ZoneId zone() {
        return zone;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Reads the checklist of the story (saved first by the caller); completes on the UI thread. */
    public CompletableFuture<Void> load(String story) {
        storyId = story;
        loaded.set(false);
        // Later today's next full hour is a sensible proposal for "later".
        ZonedDateTime later = ZonedDateTime.now(zone).plusHours(1).withMinute(0).withSecond(0).withNano(0);
        // The checklist renders the story for every channel: not on the workspace thread, which saves.
        String chosen = segment.get();
        List<String> names = new ArrayList<>();
        List<String> elements = new ArrayList<>();
        return workers.on(network, "reading the publishing checklist", () -> {
            List<Row> list = new ArrayList<>();
            for (ChecklistItem item : publisher.get().checklist(story, chosen)) {
                list.add(new Row(item, notes(item), later, item.reach() == null ? ""
                        : item.reach().text().get(locale)));
            }
            workspace.get().audience().segments().list().forEach(x -> names.add(x.name()));
            workspace.get().stories().get(story).ifPresent(st -> elements.addAll(testable(story, st.source())));
            return list;
        }).thenAccept(list -> {
            segments.setAll(names);
            testable.setAll(elements);
            if (!elements.contains(abTest.get())) {
                abTest.set("");
            }
            rows.setAll(list);
            // The newsletter's reach sizes the test: "with 400 per variant you can only detect…".
            list.stream().filter(r -> r.item.reach() != null).findFirst().ifPresentOrElse(
                    r -> planner.contactsProperty().set(String.valueOf(r.item.reach().reaches())),
                    () -> planner.contactsProperty().set(""));
            loaded.set(true);
        });
    }

    /** The ids of the elements the story varies; none when its text does not parse (the checklist says why). */
    private static List<String> testable(String id, String source) {
        try {
            Variants v = Variants.of(StoryParser.parse(id, source));
            return v.elements().stream().map(Variants.Element::id).toList();
        } catch (StoryFormatException e) {
            return List.of();
        }
    }

    List<String> notes(ChecklistItem item) {
        List<String> out = new ArrayList<>();
        for (LocalText reason : item.reasons()) {
            out.add(reason.get(locale));
        }
        return out;
    }

    /** The rows Publish will act on. */
    public List<Row> ticked() {
        return rows.stream().filter(r -> r.included.get() && r.canTick()).toList();
    }

    /** The instant a row goes at: now, or its date and time in the user's zone. */
    public Instant when(Row row, Instant now) {
        if (row.now.get() || row.date.get() == null || row.time.get() == null) {
            return now;
        }
        return ZonedDateTime.of(row.date.get(), row.time.get(), zone).toInstant();
    }

    /**
     * Queues every ticked row, then sends, one after the other off the UI thread, those due now. Completes
     * on the UI thread when every row has its outcome.
     */
    public CompletableFuture<Void> publish() {
        List<Row> chosen = ticked();
        String toSegment = segment.get();
        Variants.Element tested = Variants.Element.fromId(abTest.get()).orElse(null);
        AbTests.Plan plan = planner.sendPlan().orElse(AbTests.Plan.NONE);
        cancelled.set(false);
        busy.set(true);
        Instant now = Instant.now();
        List<Instant> times = chosen.stream().map(r -> when(r, now)).toList();
        chosen.forEach(r -> set(r, RowState.WAITING, text.getString("publish.state.waiting")));
        CompletableFuture<Void> done = new CompletableFuture<>();
        network.execute(() -> {
            Publisher p = publisher.get();
            for (int i = 0; i < chosen.size(); i++) {
                Row row = chosen.get(i);
                try {
                    Queued queued = row.item.reach() == null
                            ? p.enqueue(storyId, row.item.account().id(), times.get(i), zone)
                            : tested != null ? p.enqueueAbTest(storyId, row.item.account().id(), toSegment,
                                    times.get(i), zone, tested, AbTests.CLICKS, plan)
                            : p.enqueue(storyId, row.item.account().id(), toSegment, times.get(i), zone);
                    OutboxEntry e = queued.entry();
                    row.entryId = e.id();
                    String said = queued.note() == null ? "" : queued.note().get(locale);
                    workers.fx().execute(() -> row.note.set(said));
                    if (!times.get(i).isAfter(Instant.now())) {
                        continue;
                    }
                    String at = Dates.dateTime(e.scheduledAt(), zone, locale);
                    workers.fx().execute(() -> set(row, RowState.SCHEDULED, format("publish.state.scheduled", at)));
                } catch (RuntimeException ex) {
                    fail(row, ex);
                }
            }
            for (Row row : chosen) {
                if (row.entryId >= 0 && !times.get(chosen.indexOf(row)).isAfter(Instant.now())) {
                    send(p, row);
                }
            }
            // The scheduler learns of the later ones only now, so it does not race us for those due now.
            wakeScheduler.run();
            workers.fx().execute(() -> {
                busy.set(false);
                done.complete(null);
            });
        });
        return done;
    }

    /** Tries a failed row again at once. */
    public CompletableFuture<Void> retry(Row row) {
        if (row.entryId < 0) {
            return CompletableFuture.completedFuture(null);
        }
        cancelled.set(false);
        busy.set(true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        network.execute(() -> {
            Publisher p = publisher.get();
            try {
                // The same entry, due again now: its idempotency key stays, so nothing goes twice.
                workspace.get().outbox().reschedule(row.entryId, Instant.now(), zone);
            } catch (RuntimeException ignored) {
                // The workspace went away: send() below says so.
            }
            send(p, row);
            workers.fx().execute(() -> {
                busy.set(false);
                done.complete(null);
            });
        });
        return done;
    }

    /**
     * Stops after the current item of the current row. Rows not started yet are withdrawn from the outbox
     * (cancelled), so the scheduler does not send them a moment later.
     */
    public void cancel() {
        cancelled.set(true);
    }

    private void send(Publisher p, Row row) {
        if (cancelled.get()) {
            try {
                workspace.get().outbox().cancel(row.entryId);
            } catch (RuntimeException e) {
                // The workspace went away: nothing will send it from there either.
            }
            workers.fx().execute(() -> set(row, RowState.FAILED, text.getString("publish.state.cancelled")));
            return;
        }
        workers.fx().execute(() -> set(row, RowState.SENDING, text.getString("publish.state.sending")));
        try {
            Outcome o = p.send(row.entryId, (id, fraction, message) -> workers.fx().execute(() -> {
                row.progress.set(fraction);
                if (message != null) {
                    row.message.set(message.get(locale));
                }
            }), cancelled::get);
            if (!o.sent() && (o.entry().state() == OutboxState.SENDING || o.entry().state() == OutboxState.SENT)) {
                // The scheduler (or `cristal publish due`) took it first: show what it comes to.
                o = awaitOther(o);
            }
            Outcome outcome = o;
            workers.fx().execute(() -> {
                row.progress.set(1);
                if (outcome.sent()) {
                    published.accept(outcome.entry().storyId());
                    row.url.set(outcome.entry().url() == null ? "" : outcome.entry().url());
                    set(row, RowState.PUBLISHED, text.getString("publish.state.published"));
                } else {
                    String why = outcome.message() == null ? "" : outcome.message().get(locale);
                    set(row, RowState.FAILED, format("publish.state.failed", why));
                }
            });
        } catch (RuntimeException ex) {
            fail(row, ex);
        }
    }

    /** Waits (ten minutes at most) for another sender to finish the entry, and reads how it went. */
    private Outcome awaitOther(Outcome o) {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        OutboxEntry e = o.entry();
        while (e.state() == OutboxState.SENDING && System.nanoTime() < end && !cancelled.get()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            }
            e = workspace.get().outbox().get(e.id()).orElse(e);
        }
        if (e.state() == OutboxState.SENT) {
            return new Outcome(e, true, null);
        }
        Map<String, String> error = e.error() == null ? Map.of() : e.error();
        LocalText why = error.containsKey("en") ? new LocalText(error) : o.message();
        return new Outcome(e, false, why);
    }

    private void fail(Row row, RuntimeException ex) {
        System.getLogger(PublishModel.class.getName()).log(System.Logger.Level.WARNING, "publish", ex);
        workers.fx().execute(() -> set(row, RowState.FAILED,
                format("publish.state.failed", text.getString("error.unexpected"))));
    }

    private static void set(Row row, RowState state, String message) {
        row.state.set(state);
        row.message.set(message);
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
