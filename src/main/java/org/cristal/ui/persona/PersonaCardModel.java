package org.cristal.ui.persona;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Contact;
import org.cristal.library.persona.Persona;
import org.cristal.ui.model.Workers;

/**
 * The persona card beside the editor: the persona the open story names ({@code persona:}), read from the
 * workspace off the FX thread, with its typical contact to preview the story as; and the workspace's persona
 * names for the story form's choice.
 */
public final class PersonaCardModel {
    /** What the card shows: nothing, a persona no one has created, or the persona with its typical contact. */
    public record Shown(String name, Optional<Persona> persona, Optional<Contact> typical) {
        static final Shown NONE = new Shown("", Optional.empty(), Optional.empty());

        public boolean isEmpty() {
            return name.isEmpty();
        }

        /** The story names a persona the workspace does not have. */
        public boolean missing() {
            return !name.isEmpty() && persona.isEmpty();
        }
    }

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown", Shown.NONE);
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private long generation;

    public PersonaCardModel(Workers workers, Supplier<Workspace> workspace) {
        this.workers = workers;
        this.workspace = workspace;
        name.addListener((o, a, b) -> {
            if (!norm(a).equalsIgnoreCase(norm(b))) {
                reload();
            }
        });
    }

    /** The persona's name as the story gives it ("" for none); the window binds it to the story form. */
    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The workspace's persona names, by name. */
    public ObservableList<String> names() {
        return names;
    }

    /** Reads the persona again (after the personas screen saved one, or another workspace opened). */
    public CompletableFuture<Void> reload() {
        long mine = ++generation;
        String wanted = norm(name.get());
        Workspace ws = workspace.get();
        if (ws == null) {
            shown.set(Shown.NONE);
            names.clear();
            return CompletableFuture.completedFuture(null);
        }
        return workers.onWorkspace("reading a persona", () -> {
            List<String> all = ws.personas().list().stream().map(Persona::name).toList();
            if (wanted.isEmpty()) {
                return new Object[] {all, Shown.NONE};
            }
            Optional<Persona> p = ws.personas().find(wanted);
            Optional<Contact> typical = Optional.empty();
            if (p.isPresent()) {
                try {
                    typical = ws.personas().typicalContact(p.get());
                } catch (org.cristal.library.audience.SegmentException e) {
                    // A rule that no longer reads finds no one: the card shows the persona without a preview.
                }
            }
            return new Object[] {all, new Shown(wanted, p, typical)};
        }).handle((r, t) -> {
            if (mine == generation && t == null) {
                @SuppressWarnings("unchecked")
                List<String> all = (List<String>) r[0];
                if (!names.equals(all)) {
                    names.setAll(all);
                }
                shown.set((Shown) r[1]);
            }
            return null;
        });
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip();
    }
}
