package org.cristal.ui.brand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.cristal.library.StoredAsset;
import org.cristal.library.Workspace;
import org.cristal.story.Brand;
import org.cristal.story.BrandWriter;
import org.cristal.story.Severity;

/**
 * The brand-kit editor's state: the workspace's brand kits, the one being edited as one text
 * property per field, its live validation, and a {@link #previewBrandProperty() preview brand}
 * that follows every keystroke so the studio's previews can show unsaved edits.
 *
 * <p>Properties are read and written on the FX thread only. Workspace reads and writes run on
 * {@code background}; their results come back through {@code fx} (tests pass {@code Runnable::run}
 * for both). A load that a newer selection overtook is dropped.
 *
 * <p>List fields are edited as text: banned words one per line, preferred terms as
 * {@code avoid → prefer} lines, social handles and UTM values as {@code key: value} lines.
 *
 * <p>This class is the editor's commands and its one face to the views; the form's state lives in
 * {@link BrandFormState}, its validation in {@link BrandValidation}, the kit list and its storage in
 * {@link BrandKitList}.
 */
public final class BrandEditorModel {
    /** WCAG AA for body text. */
    public static final double MIN_CONTRAST = 4.5;
    /** A logo is a small picture; anything bigger is a mistake (a photo shoot, a video). */
    private static final long MAX_LOGO_BYTES = 10L * 1024 * 1024;

    /** The editable fields, in form order. */
    public enum Field {
        NAME, TAGLINE, WEBSITE, LOGO, PRIMARY, SECONDARY, ACCENT, TEXT, BACKGROUND, HEADING_FONT, BODY_FONT,
        TONE, BANNED, PREFERRED, ADDRESS, EMAIL, PHONE, SOCIAL, UTM
    }

    /** One brand kit in the list. */
    public record Entry(String id, String name) {
    }

    /** A validation problem of one field: an error blocks saving, a warning does not. */
    public record Issue(Field field, Severity severity, String key, List<Object> args) {
        public Issue {
            args = List.copyOf(args);
        }
    }

    /**
     * What the last action said (saved, refused, failed), as a key of the UI bundle and its
     * arguments; an argument may be an exception whose localized message the view shows.
     */
    public record Message(Severity severity, String key, List<Object> args) {
        public Message {
            args = List.copyOf(args);
        }
    }

    private static final System.Logger LOG = System.getLogger(BrandEditorModel.class.getName());
    private final Workspace workspace;
    private final Executor background;
    private final Executor fx;

    private final BrandKitList kits;
    private final BrandFormState form;
    private final ReadOnlyStringWrapper selectedId = new ReadOnlyStringWrapper(this, "selectedId", null);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private long selection;
    private int pending;

    /** Starts listing the workspace's brand kits and selects the first one. */
    public BrandEditorModel(Workspace workspace, Executor background, Executor fx) {
        this.workspace = Objects.requireNonNull(workspace);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        this.kits = new BrandKitList(workspace);
        this.form = new BrandFormState(this, selectedId::get);
        reload();
    }

    // ---- state ----

    public ObservableList<Entry> getBrands() {
        return kits.entries();
    }

    /** The id of the brand kit in the form, or null when there is none. */
    public ReadOnlyStringProperty selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public String getSelectedId() {
        return selectedId.get();
    }

    /** True while a brand kit is loaded in the form. */
    public ReadOnlyBooleanProperty editingProperty() {
        return form.editing.getReadOnlyProperty();
    }

    /** True when the form differs from the brand kit as saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return form.dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return form.dirty.get();
    }

    /** True while the workspace is being read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * The brand as the form shows it, unsaved edits included; a colour that is not (yet) a hex colour
     * keeps its saved value, and malformed lines are left out.
     */
    public ReadOnlyObjectProperty<Brand> previewBrandProperty() {
        return form.previewBrand.getReadOnlyProperty();
    }

    public Brand getPreviewBrand() {
        return form.previewBrand.get();
    }

    /** WCAG contrast ratio of the text colour on the background colour (1 to 21). */
    public ReadOnlyDoubleProperty contrastProperty() {
        return form.contrast.getReadOnlyProperty();
    }

    /** Problems of the form as it is now, updated on every edit. */
    public ObservableList<Issue> getIssues() {
        return form.issuesReadOnly;
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public StringProperty property(Field f) {
        return form.property(f);
    }

    public StringProperty nameProperty() {
        return form.property(Field.NAME);
    }

    public StringProperty taglineProperty() {
        return form.property(Field.TAGLINE);
    }

    public StringProperty websiteProperty() {
        return form.property(Field.WEBSITE);
    }

    public StringProperty logoProperty() {
        return form.property(Field.LOGO);
    }

    public StringProperty primaryColorProperty() {
        return form.property(Field.PRIMARY);
    }

    public StringProperty secondaryColorProperty() {
        return form.property(Field.SECONDARY);
    }

    public StringProperty accentColorProperty() {
        return form.property(Field.ACCENT);
    }

    public StringProperty textColorProperty() {
        return form.property(Field.TEXT);
    }

    public StringProperty backgroundColorProperty() {
        return form.property(Field.BACKGROUND);
    }

    public StringProperty headingFontProperty() {
        return form.property(Field.HEADING_FONT);
    }

    public StringProperty bodyFontProperty() {
        return form.property(Field.BODY_FONT);
    }

    public StringProperty toneProperty() {
        return form.property(Field.TONE);
    }

    /** Banned words, one per line. */
    public StringProperty bannedProperty() {
        return form.property(Field.BANNED);
    }

    /** Preferred terms, one {@code avoid → prefer} per line ({@code ->} works too). */
    public StringProperty preferredProperty() {
        return form.property(Field.PREFERRED);
    }

    public StringProperty addressProperty() {
        return form.property(Field.ADDRESS);
    }

    public StringProperty emailProperty() {
        return form.property(Field.EMAIL);
    }

    public StringProperty phoneProperty() {
        return form.property(Field.PHONE);
    }

    /** Social handles, one {@code network: handle} per line. */
    public StringProperty socialProperty() {
        return form.property(Field.SOCIAL);
    }

    /** Default UTM values, one {@code name: value} per line. */
    public StringProperty utmProperty() {
        return form.property(Field.UTM);
    }

    // ---- commands ----

    /** Lists the brand kits again; keeps the selection if it still exists, else selects the first. */
    public void reload() {
        run(kits::read, entries -> {
            kits.show(entries);
            String current = selectedId.get();
            boolean kept = current != null && entries.stream().anyMatch(e -> e.id().equals(current));
            if (!kept) {
                if (entries.isEmpty()) {
                    unload();
                } else {
                    select(entries.get(0).id());
                }
            }
        });
    }

    /** Loads a brand kit into the form, dropping unsaved edits (the view asks first). */
    public void select(String id) {
        long ticket = ++selection;
        run(() -> kits.get(id).orElse(null), brand -> {
            if (ticket != selection) {
                return; // a newer selection was made while this one loaded
            }
            if (brand == null) {
                say(Severity.ERROR, "brand.message.missing", id);
                reload();
            } else {
                load(brand);
            }
        });
    }

    /** Drops the unsaved edits. */
    public void revert() {
        if (form.editing.get()) {
            load(form.saved());
        }
    }

    /**
     * Saves the form if it has no error. Returns false (and says why) when it was refused; the
     * result of the write itself arrives later as a {@link #messageProperty() message}.
     */
    public boolean save() {
        if (!form.editing.get()) {
            return false;
        }
        List<Issue> found = new ArrayList<>();
        Brand brand = form.build(found);
        long errors = found.stream().filter(i -> i.severity() == Severity.ERROR).count();
        if (errors > 0) {
            say(Severity.ERROR, "brand.message.invalid", errors);
            return false;
        }
        String id = selectedId.get();
        String yaml = BrandWriter.write(brand);
        Map<Field, String> values = form.values();
        run(() -> kits.save(id, yaml), storedId -> {
            if (id.equals(selectedId.get())) {
                form.saved(brand, values);
            }
            say(Severity.INFO, "brand.message.saved", brand.name());
            reload();
        });
        return true;
    }

    /** Creates a brand kit with default colours under a new unique id, saves it and selects it. */
    public void newBrand(String name) {
        create(new Brand("", name.strip(), "", "", "", Brand.Colors.DEFAULT, Brand.Fonts.DEFAULT, Brand.Voice.NONE,
                Brand.Contact.NONE, Map.of(), Map.of()));
    }

    /** Copies the brand on screen, unsaved edits included, under a new name, saves and selects the copy. */
    public void duplicate(String name) {
        if (!form.editing.get()) {
            return;
        }
        Brand b = form.previewBrand.get();
        create(new Brand("", name.strip(), b.tagline(), b.website(), b.logo(), b.colors(), b.fonts(), b.voice(),
                b.contact(), b.social(), b.utm()));
    }

    /**
     * Deletes the selected brand kit, unless stories use it: then it is refused with their count,
     * since those stories would silently fall back to the neutral brand.
     */
    public void delete() {
        delete(() -> true);
    }

    /**
     * As {@link #delete()}, asking {@code confirm} (on the FX thread) once the kit is known to be
     * unused: the user is never asked to confirm a deletion that will then be refused.
     */
    public void delete(BooleanSupplier confirm) {
        String id = selectedId.get();
        if (id == null) {
            return;
        }
        String name = form.property(Field.NAME).get();
        run(() -> storiesUsing(id), used -> {
            if (used > 0) {
                say(Severity.ERROR, "brand.message.inUse", name, used);
            } else if (confirm.getAsBoolean()) {
                run(() -> kits.delete(id), deleted -> {
                    if (id.equals(selectedId.get())) {
                        unload();
                    }
                    say(Severity.INFO, "brand.message.deleted", name);
                    reload();
                });
            }
        });
    }

    /**
     * Stores an image file inside the workspace as this brand's logo and puts its reference in the
     * logo field (the kit is saved with the rest of the form). Renderers only ever read logos from
     * the workspace, never from the user's disk.
     */
    public void importLogo(Path file) {
        String id = selectedId.get();
        if (id == null) {
            return;
        }
        String ext = extension(file);
        String alt = form.property(Field.NAME).get();
        run(() -> {
            if (Files.size(file) > MAX_LOGO_BYTES) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            // Named after the brand: choosing again replaces this brand's logo and nobody else's image.
            StoredAsset probe = workspace.assets().put("images/" + id + "-logo" + ext, bytes, alt);
            if (probe.width() <= 0) {
                workspace.assets().delete(probe.name());
                return null;
            }
            return "../" + probe.name();
        }, reference -> {
            if (reference == null) {
                say(Severity.ERROR, "brand.message.logoUnreadable", file.getFileName().toString());
            } else if (id.equals(selectedId.get())) {
                form.property(Field.LOGO).set(reference);
            }
        });
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".png";
    }

    /** How many stories name this brand kit (read on the calling thread: call it off the FX thread). */
    public int storiesUsing(String id) {
        return kits.storiesUsing(id);
    }

    // ---- internals ----

    private void create(Brand template) {
        run(() -> kits.create(template), id -> {
            select(id);
            reload();
        });
    }

    private void load(Brand b) {
        selectedId.set(b.id());
        form.load(b);
    }

    private void unload() {
        selection++;
        selectedId.set(null);
        form.unload();
    }

    private void say(Severity severity, String key, Object... args) {
        message.set(new Message(severity, key, List.of(args)));
    }

    /** Runs {@code work} in the background and hands its result to {@code then} on the FX thread. */
    private <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> then) {
        pending++;
        busy.set(true);
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "brand kit operation failed", e);
                fx.execute(() -> {
                    done();
                    say(Severity.ERROR, "brand.message.failed", e);
                });
                return;
            }
            fx.execute(() -> {
                done();
                then.accept(result);
            });
        });
    }

    private void done() {
        busy.set(--pending > 0);
    }
}
