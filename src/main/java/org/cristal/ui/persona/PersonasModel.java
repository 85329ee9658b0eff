package org.cristal.ui.persona;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.SegmentException;
import org.cristal.library.persona.Persona;
import org.cristal.story.Channel;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * The personas screen: the workspace's personas, and a form with every field of the one being written.
 * Lists are one item per line (goals, objections) or separated by commas (words); each channel is used, not
 * used, or not said.
 */
public final class PersonasModel {
    /** Whether the persona uses a channel. */
    public enum Use { UNSAID, USES, AVOIDS }

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ResourceBundle text;
    private final Locale locale;
    private final ObservableList<Persona> saved = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty portrait = new SimpleStringProperty(this, "portrait", "");
    private final StringProperty goals = new SimpleStringProperty(this, "goals", "");
    private final StringProperty objections = new SimpleStringProperty(this, "objections", "");
    private final StringProperty tone = new SimpleStringProperty(this, "tone", "");
    private final StringProperty wordsUse = new SimpleStringProperty(this, "wordsUse", "");
    private final StringProperty wordsAvoid = new SimpleStringProperty(this, "wordsAvoid", "");
    private final IntegerProperty readingTarget = new SimpleIntegerProperty(this, "readingTarget", 0);
    private final StringProperty segment = new SimpleStringProperty(this, "segment", "");
    private final Map<Channel, ObjectProperty<Use>> channels = new EnumMap<>(Channel.class);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper editing = new ReadOnlyStringWrapper(this, "editing", "");

    public PersonasModel(Workers workers, Supplier<Workspace> workspace, ResourceBundle text, Locale locale) {
        this.workers = workers;
        this.workspace = workspace;
        this.text = text;
        this.locale = locale;
        for (Channel c : Channel.values()) {
            channels.put(c, new SimpleObjectProperty<>(this, c.id(), Use.UNSAID));
        }
    }

    public ObservableList<Persona> saved() {
        return saved;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty portraitProperty() {
        return portrait;
    }

    /** One goal per line. */
    public StringProperty goalsProperty() {
        return goals;
    }

    /** One objection per line. */
    public StringProperty objectionsProperty() {
        return objections;
    }

    public StringProperty toneProperty() {
        return tone;
    }

    /** Words separated by commas. */
    public StringProperty wordsUseProperty() {
        return wordsUse;
    }

    /** Words separated by commas: a story for this persona that uses one gets a finding. */
    public StringProperty wordsAvoidProperty() {
        return wordsAvoid;
    }

    /** The lowest reading-ease score the persona reads comfortably, 0 for none. */
    public IntegerProperty readingTargetProperty() {
        return readingTarget;
    }

    /** A segment rule finding the persona's contacts. */
    public StringProperty segmentProperty() {
        return segment;
    }

    public ObjectProperty<Use> channelProperty(Channel c) {
        return channels.get(c);
    }

    /** Why the persona could not be saved, else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The saved name of the persona in the form; "" for a new one. */
    public ReadOnlyStringProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public CompletableFuture<Void> load() {
        Workspace ws = workspace.get();
        if (ws == null) {
            return CompletableFuture.completedFuture(null);
        }
        return workers.onWorkspace("listing personas", () -> ws.personas().list()).handle((l, t) -> {
            if (t == null) {
                saved.setAll(l);
            }
            return null;
        });
    }

    /** Puts a saved persona in the form. */
    public void edit(Persona p) {
        editing.set(p.name());
        name.set(p.name());
        portrait.set(p.portrait());
        goals.set(String.join("\n", p.goals()));
        objections.set(String.join("\n", p.objections()));
        tone.set(p.tone());
        wordsUse.set(String.join(", ", p.wordsUse()));
        wordsAvoid.set(String.join(", ", p.wordsAvoid()));
        readingTarget.set(p.readingTarget());
        segment.set(p.segment());
        for (Channel c : Channel.values()) {
            channels.get(c).set(p.channelsAvoid().contains(c.id()) ? Use.AVOIDS
                    : p.channels().contains(c.id()) ? Use.USES : Use.UNSAID);
        }
        problem.set("");
    }

    /** A blank form for a new persona. */
    public void startNew() {
        edit(new Persona(0, "", "", List.of(), List.of(), "", List.of(), List.of(), List.of(), List.of(), 0, "",
                Instant.EPOCH, Instant.EPOCH));
        editing.set("");
    }

    /** The persona as the form says it. */
    Persona fromForm() {
        List<String> uses = new ArrayList<>();
        List<String> avoids = new ArrayList<>();
        for (Channel c : Channel.values()) {
            Use u = channels.get(c).get();
            if (u == Use.USES) {
                uses.add(c.id());
            } else if (u == Use.AVOIDS) {
                avoids.add(c.id());
            }
        }
        return new Persona(0, name.get(), portrait.get(), split(goals.get(), "\n"), split(objections.get(), "\n"),
                tone.get(), split(wordsUse.get(), ","), split(wordsAvoid.get(), ","), uses, avoids,
                readingTarget.get(), segment.get(), Instant.EPOCH, Instant.EPOCH);
    }

    /**
     * Saves the form (renaming the persona being edited when its name changed); completes with true once saved,
     * false with {@link #problemProperty()} saying why not.
     */
    public CompletableFuture<Boolean> save() {
        Workspace ws = workspace.get();
        Persona p = fromForm();
        String was = editing.get();
        // A refusal (no name, a rule that does not read) is an answer, not a failure to log: it may quote the rule.
        return workers.onWorkspace("saving a persona", () -> {
            try {
                if (!was.isEmpty() && !p.name().isBlank() && !was.equalsIgnoreCase(p.name().strip())
                        && ws.personas().find(was).isPresent()) {
                    ws.personas().rename(was, p.name());
                }
                return (Object) ws.personas().save(p);
            } catch (WorkspaceException e) {
                return e;
            }
        }).thenCompose(answer -> {
            if (answer instanceof WorkspaceException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
            Persona s = (Persona) answer;
            problem.set("");
            editing.set(s.name());
            name.set(s.name());
            return load().thenApply(x -> true);
        }).exceptionally(t -> {
            Throwable cause = Workers.unwrap(t);
            problem.set(cause instanceof SegmentException e
                    ? new MessageFormat(text.getString("personas.segment.problem"), locale)
                            .format(new Object[] {e.localizedMessage(locale)})
                    : Problems.describe(cause, text, locale));
            return false;
        });
    }

    /** Deletes the persona being edited; the form empties. */
    public CompletableFuture<Boolean> delete() {
        Workspace ws = workspace.get();
        String was = editing.get();
        if (was.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        return workers.onWorkspace("deleting a persona", () -> ws.personas().delete(was)).thenCompose(d -> {
            startNew();
            return load().thenApply(x -> d);
        });
    }

    private static List<String> split(String s, String separator) {
        return s == null ? List.of() : Arrays.stream(s.split(separator)).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }
}
