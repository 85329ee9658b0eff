package org.cristal.ui.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Workspace;
import org.cristal.library.abtest.AbTestReport;
import org.cristal.library.results.AnalyticsFormat;
import org.cristal.library.results.ChannelFigures;
import org.cristal.library.results.ChannelResults;
import org.cristal.library.results.DayFigures;
import org.cristal.library.results.ImportSummary;
import org.cristal.library.results.PublicationFigures;
import org.cristal.library.results.ResultsCsv;
import org.cristal.library.results.StoryRank;
import org.cristal.library.results.StoryResults;
import org.cristal.library.results.WeekResults;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * The results screen of one story: its channels side by side (the table and the charts), its publications
 * (the list and the galaxy), the stories of one channel ranked, and the last weeks. Read on the workspace
 * thread; read again when an analytics file is imported and every minute while the screen is open, so
 * counts fetched in the background show up.
 */
public final class ResultsModel {
    /** Weeks shown in the week tab. */
    public static final int WEEKS = 12;
    private static final long REFRESH_SECONDS = 60;

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ResourceBundle text;
    private final ResultsText figures;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<StoryResults> results = new ReadOnlyObjectWrapper<>();
    /** The channels, then the total line. */
    private final ObservableList<ChannelFigures> table = FXCollections.observableArrayList();
    private final ObservableList<PublicationFigures> publications = FXCollections.observableArrayList();
    private final ObservableList<DayFigures> days = FXCollections.observableArrayList();
    private final ObservableList<String> channels = FXCollections.observableArrayList();
    private final StringProperty channel = new SimpleStringProperty("");
    private final ObservableList<StoryRank> ranking = FXCollections.observableArrayList();
    private final ObservableList<WeekResults> weeks = FXCollections.observableArrayList();
    private final ObservableList<AbTestReport> tests = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private String storyId = "";
    /** Tells the answer to the latest request from answers overtaken by a newer one. */
    private long generation;
    private ScheduledFuture<?> watching;

    public ResultsModel(Workers workers, Supplier<Workspace> workspace, ResourceBundle text, Locale locale,
            ZoneId zone) {
        this.workers = workers;
        this.workspace = workspace;
        this.text = text;
        this.figures = new ResultsText(text, locale);
        this.zone = zone;
        channel.addListener((o, a, b) -> loadChannel());
    }

    private record Loaded(StoryResults story, List<String> channels, List<WeekResults> weeks,
            List<AbTestReport> tests) {
    }

    /** Reads {@code story}'s results. */
    public CompletableFuture<Void> load(String story) {
        storyId = story;
        long mine = ++generation;
        if (workspace.get() == null) {
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        LocalDate today = LocalDate.now(workspace.get().results().clock().withZone(zone));
        return workers.onWorkspace("reading a story's results", () -> {
            Workspace ws = workspace.get();
            List<AbTestReport> reports = ws.abTests().forStory(story).stream()
                    .map(t -> AbTestReport.of(t, ws.abTests().outcomes(t.id()), sentTexts(ws, t))).toList();
            return new Loaded(ws.results().dashboards().story(story, zone).orElse(null),
                    ws.results().dashboards().channels(), ws.results().dashboards().weeks(zone, today, WEEKS), reports);
        }).handle((loaded, failure) -> {
            if (mine != generation) {
                return null;
            }
            loading.set(false);
            if (failure != null) {
                problem.set(Problems.describe(failure, text, figures.locale()));
                return null;
            }
            problem.set("");
            show(loaded);
            return null;
        });
    }

    /** The words each arm was sent with: from the revision the send carried, else the story as it is. */
    private static java.util.Map<String, String> sentTexts(Workspace ws, org.cristal.library.abtest.AbTests.Test t) {
        try {
            java.util.Optional<String> source = ws.outbox().get(t.entry())
                    .flatMap(e -> ws.stories().revision(t.storyId(), e.revision())).map(r -> r.source())
                    .or(() -> ws.stories().get(t.storyId()).map(s -> s.source()));
            return source.isEmpty() ? java.util.Map.of()
                    : AbTestReport.texts(t, org.cristal.story.StoryParser.parse(t.storyId(), source.get()));
        } catch (org.cristal.story.StoryFormatException e) {
            return java.util.Map.of();
        }
    }

    private void show(Loaded loaded) {
        StoryResults r = loaded.story();
        results.set(r);
        if (r == null) {
            title.set("");
            summary.set(text.getString("results.noStory"));
            table.clear();
            publications.clear();
            days.clear();
        } else {
            title.set(figures.format("results.title", r.title()));
            ChannelFigures t = r.total();
            summary.set(r.isEmpty() ? text.getString("results.empty") : figures.format("results.summary",
                    t.publications(), t.reactions(), t.visitors(), t.conversions(), r.slug()));
            table.setAll(r.channels());
            table.add(t);
            publications.setAll(r.publications());
            days.setAll(r.days());
        }
        channels.setAll(loaded.channels());
        weeks.setAll(loaded.weeks());
        tests.setAll(loaded.tests());
        if (channel.get().isEmpty() || !loaded.channels().contains(channel.get())) {
            channel.set(r != null && !r.channels().isEmpty() ? r.channels().get(0).channel()
                    : loaded.channels().isEmpty() ? "" : loaded.channels().get(0));
        } else {
            loadChannel();
        }
    }

    /** Reads the chosen channel's ranking. */
    private void loadChannel() {
        String chosen = channel.get();
        if (chosen == null || chosen.isEmpty() || workspace.get() == null) {
            ranking.clear();
            return;
        }
        workers.onWorkspace("ranking a channel's stories",
                () -> workspace.get().results().dashboards().channel(chosen)).thenAccept((ChannelResults c) -> {
                    if (chosen.equals(channel.get())) {
                        ranking.setAll(c.stories());
                    }
                });
    }

    /** Reads the same story again (new counts, a new import). */
    public CompletableFuture<Void> refresh() {
        return storyId.isEmpty() ? CompletableFuture.completedFuture(null) : load(storyId);
    }

    /** Reads again every minute until {@link #stopWatching}: counts fetched in the background then show up. */
    public void startWatching() {
        stopWatching();
        watching = workers.timer().scheduleAtFixedRate(() -> workers.fx().execute(this::refresh), REFRESH_SECONDS,
                REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    public void stopWatching() {
        if (watching != null) {
            watching.cancel(false);
            watching = null;
        }
    }

    /**
     * Imports an analytics file (its kind recognised from the file), then shows the story again with it; the
     * message says what matched and which campaigns matched no story.
     */
    public CompletableFuture<ImportSummary> importFile(Path file) {
        message.set("");
        return workers.onWorkspace("importing an analytics file",
                () -> workspace.get().results().importFile(file, AnalyticsFormat.AUTO)).handle((s, failure) -> {
                    if (failure != null) {
                        problem.set(figures.format("results.importFailed", file.getFileName().toString(),
                                Problems.describe(failure, text, figures.locale())));
                        return null;
                    }
                    message.set(s.unmatchedCampaigns().isEmpty()
                            ? figures.format("results.imported", s.rows(), s.matched())
                            : figures.format("results.importedUnmatched", s.rows(), s.matched(),
                                    s.unmatchedCampaigns().stream().limit(5).map(ImportSummary.Unmatched::campaign)
                                            .collect(Collectors.joining(", ")), s.unmatchedCampaigns().size()));
                    refresh();
                    return s;
                });
    }

    /** Writes the channel table as CSV (UTF-8 with a byte-order mark for spreadsheets) on the workspace thread. */
    public CompletableFuture<Path> exportCsv(Path file) {
        StoryResults r = results.get();
        return workers.onWorkspace("writing the results table", () -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                ResultsCsv.write(r, out);
            }
            return file;
        }).handle((f, failure) -> {
            if (failure != null) {
                problem.set(figures.format("results.exportFailed", file.getFileName().toString()));
                return null;
            }
            message.set(figures.format("results.exported", file.getFileName().toString()));
            return f;
        });
    }

    /** Tells the user a chart could not be written. */
    public void exportFailed(Path file, IOException e) {
        System.getLogger(ResultsModel.class.getName()).log(System.Logger.Level.WARNING, "writing a chart failed", e);
        problem.set(figures.format("results.exportFailed", file.getFileName().toString()));
    }

    public void exported(Path file) {
        message.set(figures.format("results.exported", file.getFileName().toString()));
    }

    /** A file name for an export: the story's address, then what it holds. */
    public String fileName(String what, String extension) {
        StoryResults r = results.get();
        return (r == null || r.slug().isEmpty() ? "results" : r.slug()) + "-" + what + "." + extension;
    }

    public ResultsText figures() {
        return figures;
    }

    public ReadOnlyObjectProperty<StoryResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public ObservableList<ChannelFigures> table() {
        return table;
    }

    public ObservableList<PublicationFigures> publications() {
        return publications;
    }

    public ObservableList<DayFigures> days() {
        return days;
    }

    public ObservableList<String> channels() {
        return channels;
    }

    /** The channel whose stories are ranked. */
    public StringProperty channelProperty() {
        return channel;
    }

    public ObservableList<StoryRank> ranking() {
        return ranking;
    }

    /** The zone days and dates are shown in. */
    public ZoneId zone() {
        return zone;
    }

    /** The story's A/B tests, newest first, each arm judged against the control. */
    public ObservableList<AbTestReport> tests() {
        return tests;
    }

    public ObservableList<WeekResults> weeks() {
        return weeks;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last import or export did, in a sentence; "" when nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
