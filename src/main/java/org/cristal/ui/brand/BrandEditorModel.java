package org.cristal.ui.brand;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Brands;
import org.cristal.library.StoredAsset;
import org.cristal.library.StoryFilter;
import org.cristal.library.Workspace;
import org.cristal.render.common.Colours;
import org.cristal.story.Brand;
import org.cristal.story.BrandWriter;
import org.cristal.story.Severity;
import org.cristal.story.Slugs;

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
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ARROW = Pattern.compile("\\s*(?:→|->|=>)\\s*");

    private final Workspace workspace;
    private final Brands brands;
    private final Executor background;
    private final Executor fx;

    private final ObservableList<Entry> list = FXCollections.observableArrayList();
    private final Map<Field, StringProperty> fields = new EnumMap<>(Field.class);
    private final Map<Field, String> baseline = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper selectedId = new ReadOnlyStringWrapper(this, "selectedId", null);
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Brand> previewBrand = new ReadOnlyObjectWrapper<>(this, "previewBrand",
            Brand.DEFAULT);
    private final ReadOnlyDoubleWrapper contrast = new ReadOnlyDoubleWrapper(this, "contrast", 21);
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ObservableList<Issue> issues = FXCollections.observableArrayList();
    // One read-only view each, kept: a view forwards changes through a weak listener, so a view
    // made per call would be collected and its listeners would stop hearing anything.
    private final ObservableList<Entry> brandsReadOnly = FXCollections.unmodifiableObservableList(list);
    private final ObservableList<Issue> issuesReadOnly = FXCollections.unmodifiableObservableList(issues);
    /** The brand as loaded or last saved: where an unreadable colour falls back to in the preview. */
    private Brand saved = Brand.DEFAULT;
    private boolean loading;
    private long selection;
    private int pending;

    /** Starts listing the workspace's brand kits and selects the first one. */
    public BrandEditorModel(Workspace workspace, Executor background, Executor fx) {
        this.workspace = Objects.requireNonNull(workspace);
        this.brands = workspace.brands();
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        for (Field f : Field.values()) {
            StringProperty p = new SimpleStringProperty(this, f.name(), "");
            p.addListener((obs, was, now) -> {
                if (!loading) {
                    refresh();
                }
            });
            fields.put(f, p);
        }
        clearForm();
        reload();
    }

    // ---- state ----

    public ObservableList<Entry> getBrands() {
        return brandsReadOnly;
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
        return editing.getReadOnlyProperty();
    }

    /** True when the form differs from the brand kit as saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
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
        return previewBrand.getReadOnlyProperty();
    }

    public Brand getPreviewBrand() {
        return previewBrand.get();
    }

    /** WCAG contrast ratio of the text colour on the background colour (1 to 21). */
    public ReadOnlyDoubleProperty contrastProperty() {
        return contrast.getReadOnlyProperty();
    }

    /** Problems of the form as it is now, updated on every edit. */
    public ObservableList<Issue> getIssues() {
        return issuesReadOnly;
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public StringProperty property(Field f) {
        return fields.get(f);
    }

    public StringProperty nameProperty() {
        return fields.get(Field.NAME);
    }

    public StringProperty taglineProperty() {
        return fields.get(Field.TAGLINE);
    }

    public StringProperty websiteProperty() {
        return fields.get(Field.WEBSITE);
    }

    public StringProperty logoProperty() {
        return fields.get(Field.LOGO);
    }

    public StringProperty primaryColorProperty() {
        return fields.get(Field.PRIMARY);
    }

    public StringProperty secondaryColorProperty() {
        return fields.get(Field.SECONDARY);
    }

    public StringProperty accentColorProperty() {
        return fields.get(Field.ACCENT);
    }

    public StringProperty textColorProperty() {
        return fields.get(Field.TEXT);
    }

    public StringProperty backgroundColorProperty() {
        return fields.get(Field.BACKGROUND);
    }

    public StringProperty headingFontProperty() {
        return fields.get(Field.HEADING_FONT);
    }

    public StringProperty bodyFontProperty() {
        return fields.get(Field.BODY_FONT);
    }

    public StringProperty toneProperty() {
        return fields.get(Field.TONE);
    }

    /** Banned words, one per line. */
    public StringProperty bannedProperty() {
        return fields.get(Field.BANNED);
    }

    /** Preferred terms, one {@code avoid → prefer} per line ({@code ->} works too). */
    public StringProperty preferredProperty() {
        return fields.get(Field.PREFERRED);
    }

    public StringProperty addressProperty() {
        return fields.get(Field.ADDRESS);
    }

    public StringProperty emailProperty() {
        return fields.get(Field.EMAIL);
    }

    public StringProperty phoneProperty() {
        return fields.get(Field.PHONE);
    }

    /** Social handles, one {@code network: handle} per line. */
    public StringProperty socialProperty() {
        return fields.get(Field.SOCIAL);
    }

    /** Default UTM values, one {@code name: value} per line. */
    public StringProperty utmProperty() {
        return fields.get(Field.UTM);
    }

    // ---- commands ----

    /** Lists the brand kits again; keeps the selection if it still exists, else selects the first. */
    public void reload() {
        run(() -> brands.list().stream().map(b -> new Entry(b.id(), b.name())).toList(), entries -> {
            list.setAll(entries);
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
        run(() -> brands.get(id).orElse(null), brand -> {
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
        if (editing.get()) {
            load(saved);
        }
    }

    /**
     * Saves the form if it has no error. Returns false (and says why) when it was refused; the
     * result of the write itself arrives later as a {@link #messageProperty() message}.
     */
    public boolean save() {
        if (!editing.get()) {
            return false;
        }
        List<Issue> found = new ArrayList<>();
        Brand brand = build(found);
        long errors = found.stream().filter(i -> i.severity() == Severity.ERROR).count();
        if (errors > 0) {
            say(Severity.ERROR, "brand.message.invalid", errors);
            return false;
        }
        String id = selectedId.get();
        String yaml = BrandWriter.write(brand);
        Map<Field, String> values = values();
        run(() -> brands.save(id, yaml), storedId -> {
            if (id.equals(selectedId.get())) {
                saved = brand;
                baseline.putAll(values);
                refresh();
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
        if (!editing.get()) {
            return;
        }
        Brand b = previewBrand.get();
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
        String name = fields.get(Field.NAME).get();
        run(() -> storiesUsing(id), used -> {
            if (used > 0) {
                say(Severity.ERROR, "brand.message.inUse", name, used);
            } else if (confirm.getAsBoolean()) {
                run(() -> brands.delete(id), deleted -> {
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
        String alt = fields.get(Field.NAME).get();
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
                fields.get(Field.LOGO).set(reference);
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
        return workspace.stories().list(StoryFilter.ALL.withBrand(id)).size();
    }

    // ---- internals ----

    private void create(Brand template) {
        run(() -> {
            String id = freeId(template.name());
            Brand b = new Brand(id, template.name(), template.tagline(), template.website(), template.logo(),
                    template.colors(), template.fonts(), template.voice(), template.contact(), template.social(),
                    template.utm());
            return brands.save(id, BrandWriter.write(b));
        }, id -> {
            select(id);
            reload();
        });
    }

    private String freeId(String name) {
        boolean hasWord = Slugs.foldAccents(name).toLowerCase(Locale.ROOT).matches("(?s).*[a-z0-9].*");
        String base = hasWord ? Slugs.slug(name) : "brand";
        String id = base;
        for (int n = 2; brands.source(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private void load(Brand b) {
        loading = true;
        try {
            saved = b;
            selectedId.set(b.id());
            set(Field.NAME, b.name());
            set(Field.TAGLINE, b.tagline());
            set(Field.WEBSITE, b.website());
            set(Field.LOGO, b.logo());
            set(Field.PRIMARY, b.colors().primary());
            set(Field.SECONDARY, b.colors().secondary());
            set(Field.ACCENT, b.colors().accent());
            set(Field.TEXT, b.colors().text());
            set(Field.BACKGROUND, b.colors().background());
            set(Field.HEADING_FONT, b.fonts().heading());
            set(Field.BODY_FONT, b.fonts().body());
            set(Field.TONE, b.voice().tone());
            set(Field.BANNED, String.join("\n", b.voice().banned()));
            set(Field.PREFERRED, lines(b.voice().preferred(), " → "));
            set(Field.ADDRESS, b.contact().address());
            set(Field.EMAIL, b.contact().email());
            set(Field.PHONE, b.contact().phone());
            set(Field.SOCIAL, lines(b.social(), ": "));
            set(Field.UTM, lines(b.utm(), ": "));
            baseline.putAll(values());
            editing.set(true);
        } finally {
            loading = false;
        }
        refresh();
    }

    private void unload() {
        selection++;
        selectedId.set(null);
        editing.set(false);
        clearForm();
    }

    private void clearForm() {
        loading = true;
        try {
            saved = Brand.DEFAULT;
            fields.values().forEach(p -> p.set(""));
            baseline.putAll(values());
        } finally {
            loading = false;
        }
        refresh();
    }

    private void set(Field f, String value) {
        fields.get(f).set(value);
    }

    private Map<Field, String> values() {
        Map<Field, String> out = new EnumMap<>(Field.class);
        fields.forEach((f, p) -> out.put(f, Objects.requireNonNullElse(p.get(), "")));
        return out;
    }

    /** Recomputes everything derived from the fields: preview, issues, contrast, dirty. */
    private void refresh() {
        List<Issue> found = new ArrayList<>();
        Brand b = build(found);
        previewBrand.set(editing.get() ? b : Brand.DEFAULT);
        contrast.set(ratio(b.colors()));
        issues.setAll(editing.get() ? found : List.of());
        dirty.set(editing.get() && !values().equals(baseline));
    }

    /** The brand the form describes, leniently; what is wrong with it goes to {@code found}. */
    private Brand build(List<Issue> found) {
        String name = text(Field.NAME).strip();
        if (name.isEmpty()) {
            found.add(new Issue(Field.NAME, Severity.ERROR, "brand.error.nameRequired", List.of()));
        }
        String website = text(Field.WEBSITE).strip();
        if (!website.isEmpty() && !isWebAddress(website)) {
            found.add(new Issue(Field.WEBSITE, Severity.ERROR, "brand.error.website", List.of(website)));
        }
        Brand.Colors was = saved.colors();
        Brand.Colors colors = new Brand.Colors(colour(Field.PRIMARY, was.primary(), found),
                colour(Field.SECONDARY, was.secondary(), found), colour(Field.ACCENT, was.accent(), found),
                colour(Field.TEXT, was.text(), found), colour(Field.BACKGROUND, was.background(), found));
        double ratio = ratio(colors);
        if (ratio < MIN_CONTRAST) {
            found.add(new Issue(Field.TEXT, Severity.WARNING, "brand.warning.contrast", List.of(ratio, MIN_CONTRAST)));
        }
        String address = text(Field.ADDRESS).strip();
        if (address.isEmpty()) {
            // Commercial email must carry a postal address (CAN-SPAM and its European equivalents).
            found.add(new Issue(Field.ADDRESS, Severity.WARNING, "brand.warning.address", List.of()));
        }
        String email = text(Field.EMAIL).strip();
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            found.add(new Issue(Field.EMAIL, Severity.WARNING, "brand.warning.email", List.of(email)));
        }
        List<String> banned = text(Field.BANNED).lines().map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
        Brand.Voice voice = new Brand.Voice(text(Field.TONE).strip(), banned,
                pairs(Field.PREFERRED, ARROW, "brand.error.preferredLine", found));
        Brand.Contact contact = new Brand.Contact(text(Field.ADDRESS).strip(), email, text(Field.PHONE).strip());
        return new Brand(Objects.requireNonNullElse(selectedId.get(), ""), name, text(Field.TAGLINE).strip(),
                website, text(Field.LOGO).strip(), colors,
                new Brand.Fonts(text(Field.HEADING_FONT).strip(), text(Field.BODY_FONT).strip()), voice, contact,
                pairs(Field.SOCIAL, Pattern.compile("\\s*:\\s*"), "brand.error.pairLine", found),
                pairs(Field.UTM, Pattern.compile("\\s*:\\s*"), "brand.error.pairLine", found));
    }

    private static double ratio(Brand.Colors c) {
        return Colours.contrast(Colours.rgb(c.text(), "#000000"), Colours.rgb(c.background(), "#FFFFFF"));
    }

    private String text(Field f) {
        return Objects.requireNonNullElse(fields.get(f).get(), "");
    }

    private String colour(Field f, String fallback, List<Issue> found) {
        String v = text(f).strip();
        if (!HEX.matcher(v).matches()) {
            found.add(new Issue(f, Severity.ERROR, "brand.error.colour", List.of(v)));
            return fallback;
        }
        return Colours.hex(Colours.rgb(v, fallback));
    }

    private static boolean isWebAddress(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        try {
            URI uri = new URI(s);
            return uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Reads {@code key SEP value} lines; a line without both halves, or a repeated key, is an error. */
    private Map<String, String> pairs(Field f, Pattern separator, String badLineKey, List<Issue> found) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = text(f).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = separator.split(line, 2);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                found.add(new Issue(f, Severity.ERROR, badLineKey, List.of(i + 1, line)));
            } else if (out.putIfAbsent(parts[0].strip(), parts[1].strip()) != null) {
                found.add(new Issue(f, Severity.ERROR, "brand.error.duplicateKey", List.of(i + 1, parts[0].strip())));
            }
        }
        return out;
    }

    private static String lines(Map<String, String> map, String separator) {
        List<String> out = new ArrayList<>();
        // A value is one line of the text area; a line break inside one would split it in two.
        map.forEach((k, v) -> out.add(oneLine(k) + separator + oneLine(v)));
        return String.join("\n", out);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\R", " ");
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
