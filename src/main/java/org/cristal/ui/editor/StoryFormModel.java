package org.cristal.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.story.Cta;
import org.cristal.story.Slugs;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.story.Urls;
import org.cristal.ui.model.FormProblem;

/**
 * The front matter of the story being edited, as text the form's fields bind to. {@link #load}
 * fills it from a story without counting as an edit; {@link #applyTo} makes a new story from it,
 * keeping everything the form does not show (body, unknown keys, other channel overrides).
 *
 * <p>The per-channel fields use the keys the renderers read: {@code channels.email.subject},
 * {@code channels.email.preheader} and {@code channels.social.text} (the post text for every network
 * that has no text of its own).
 *
 * <p>The web address ({@code slug}) follows the title while the story has never been published and the
 * user has not written one by hand; once published it stays, and changing it is flagged as breaking
 * the links already shared ({@link #slugNoteProperty()}).
 */
public final class StoryFormModel {
    /** Channel and key of each per-channel field, as {@code Story.override(channel, key)} reads them. */
    static final String EMAIL = "email";
    static final String SOCIAL = "social";

    private final StringProperty title = property("title");
    private final StringProperty slug = property("slug");
    private final StringProperty summary = property("summary");
    private final StringProperty tags = property("tags");
    private final StringProperty lang = property("lang");
    private final StringProperty brand = property("brand");
    private final StringProperty ctaLabel = property("ctaLabel");
    private final StringProperty ctaUrl = property("ctaUrl");
    private final StringProperty image = property("image");
    private final StringProperty imageAlt = property("imageAlt");
    private final StringProperty emailSubject = property("emailSubject");
    private final StringProperty emailPreheader = property("emailPreheader");
    private final StringProperty socialText = property("socialText");
    private final StringProperty status = property("status");
    /** The persona the story is written for ({@code persona:}), "" for none. */
    private final StringProperty persona = property("persona");
    private final ReadOnlyLongWrapper edited = new ReadOnlyLongWrapper(this, "edited", 0);
    private final ObservableList<FormProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<FormProblem> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyBooleanWrapper slugFollowsTitle = new ReadOnlyBooleanWrapper(this, "slugFollowsTitle");
    private final ReadOnlyObjectWrapper<SlugNote> slugNote = new ReadOnlyObjectWrapper<>(this, "slugNote",
            SlugNote.NONE);
    private Runnable onEdited = () -> { };
    private boolean loading;
    private boolean settingSlug;
    private String sentSlug = "";
    private String loadedSlug = "";
    private Set<String> slugsInUse = Set.of();

    /** What the form says under the web address. */
    public enum SlugNote {
        /** Nothing to say: the user chose the address. */
        NONE,
        /** The address is made from the title as the user types it. */
        FOLLOWS_TITLE,
        /** The story is published at this address. */
        PUBLISHED,
        /** The story was published at another address: the links to it will break. */
        BREAKS_LINK
    }

    public StoryFormModel() {
        status.set(Status.DRAFT.id());
        // Before the edit listeners: the address is updated first, so one title keystroke is one edit.
        title.addListener((o, was, now) -> followTitle());
        slug.addListener((o, was, now) -> {
            if (!loading && !settingSlug) {
                // Written by hand it stays; cleared, it follows the title again (if never published).
                slugFollowsTitle.set(v(slug).isBlank() && !isPublished());
            }
        });
        for (StringProperty p : all()) {
            p.addListener((o, was, now) -> changed());
        }
        validate();
    }

    /** A field's text; a combo box may set null while its items change, which means empty here. */
    private static String v(StringProperty p) {
        String value = p.get();
        return value == null ? "" : value;
    }

    private StringProperty property(String name) {
        return new SimpleStringProperty(this, name, "");
    }

    private List<StringProperty> all() {
        return Arrays.asList(title, slug, summary, tags, lang, brand, ctaLabel, ctaUrl, image, imageAlt, emailSubject,
                emailPreheader, socialText, status, persona);
    }

    private void changed() {
        if (loading || settingSlug) {
            return;
        }
        validate();
        edited.set(edited.get() + 1);
        onEdited.run();
    }

    /** Shows a story's front matter; listeners of {@link #editedProperty()} are not told. */
    public void load(Story story) {
        load(story, "");
    }

    /**
     * Shows a story's front matter. {@code sentSlug}: the address the outbox last sent the story out
     * under, empty if it never did; a {@code published} status also counts as published.
     */
    public void load(Story story, String sentSlug) {
        loading = true;
        try {
            this.sentSlug = sentSlug == null ? "" : sentSlug;
            slugsInUse = Set.of();
            loadedSlug = story.webSlug();
            title.set(story.title());
            slug.set(loadedSlug);
            summary.set(story.summary());
            tags.set(String.join(", ", story.tags()));
            lang.set(story.lang());
            brand.set(story.brand());
            ctaLabel.set(story.cta().map(Cta::label).orElse(""));
            ctaUrl.set(story.cta().map(Cta::url).orElse(""));
            image.set(story.image());
            imageAlt.set(story.imageAlt());
            emailSubject.set(channelValue(story, EMAIL, "subject"));
            emailPreheader.set(channelValue(story, EMAIL, "preheader"));
            socialText.set(channelValue(story, SOCIAL, "text"));
            status.set(story.status().id());
            persona.set(org.cristal.story.StoryPersona.name(story).orElse(""));
            // A slug still made from the title (with -2… when that was taken) was not chosen by hand.
            slugFollowsTitle.set(!isPublished() && (story.slug().isEmpty() || madeFrom(story.slug(), story.title())));
        } finally {
            loading = false;
        }
        validate();
    }

    private static boolean madeFrom(String slug, String title) {
        String base = Slugs.fromTitle(title);
        return slug.equals(base) || slug.matches(Pattern.quote(base) + "-[0-9]+");
    }

    /** The web addresses of the workspace's other stories, which this one must not take. */
    public void setSlugsInUse(Set<String> inUse) {
        slugsInUse = Set.copyOf(inUse);
        if (slugFollowsTitle.get() && slugsInUse.contains(v(slug))) {
            followTitle();
        }
        validate();
    }

    /** The story has just been sent out under {@code sent}: from now on its address stays. */
    public void setSentSlug(String sent) {
        sentSlug = sent == null ? "" : sent;
        if (!sentSlug.isEmpty()) {
            slugFollowsTitle.set(false);
        }
        validate();
    }

    private boolean isPublished() {
        return !sentSlug.isEmpty() || Status.PUBLISHED.id().equals(v(status));
    }

    private void followTitle() {
        if (loading || !slugFollowsTitle.get() || isPublished() || v(title).isBlank()) {
            return;
        }
        String next = Slugs.unique(Slugs.fromTitle(v(title)), slugsInUse::contains);
        if (!next.equals(v(slug))) {
            settingSlug = true;
            try {
                slug.set(next);
            } finally {
                settingSlug = false;
            }
        }
    }

    private static String channelValue(Story story, String channel, String key) {
        Map<String, String> values = story.channels().get(channel);
        return values == null ? "" : values.getOrDefault(key, "");
    }

    /**
     * A new story: {@code base} with the form's fields. Single-line fields are trimmed as the parser
     * trims them, so what is saved reads back the same.
     */
    public Story applyTo(Story base) {
        List<String> tagList = String.join(", ", base.tags()).equals(v(tags)) ? base.tags() : parseTags(v(tags));
        Status st = Status.fromId(v(status)).orElse(base.status());
        return new Story(base.id(), v(title).strip(), slug(base), v(summary).strip(), base.body(), tagList,
                v(lang).strip(), v(brand).strip(), v(image).strip(), v(imageAlt).strip(), cta(base), st,
                channels(base), extra(base), base.bodyLine());
    }

    /** The story's other front matter, with the persona chosen (the file's own while the field shows it). */
    private Map<String, Object> extra(Story base) {
        String chosen = v(persona).strip();
        if (chosen.equals(org.cristal.story.StoryPersona.name(base).orElse(""))) {
            return base.extra();
        }
        return org.cristal.story.StoryPersona.extraWith(base, chosen);
    }

    /**
     * The address to write: the one typed when it is usable; the file's own while the field shows what the
     * story already had (an older story without {@code slug:} keeps its implicit one) or is unusable.
     */
    private String slug(Story base) {
        String typed = v(slug).strip();
        if (typed.equals(base.webSlug()) || slugProblem(typed) != null) {
            return base.slug();
        }
        return typed;
    }

    private String slugProblem(String typed) {
        if (typed.isEmpty()) {
            return "form.problem.slugEmpty";
        }
        if (!Slugs.isValid(typed)) {
            return "form.problem.slug";
        }
        return slugsInUse.contains(typed) ? "form.problem.slugTaken" : null;
    }

    /** Tags as written between commas; empty pieces and repeats are dropped. */
    static List<String> parseTags(String text) {
        List<String> out = new ArrayList<>();
        for (String piece : text.split(",")) {
            String t = piece.strip();
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private Optional<Cta> cta(Story base) {
        String label = v(ctaLabel).strip();
        String url = v(ctaUrl).strip();
        Cta before = base.cta().orElse(new Cta("", ""));
        if (before.label().strip().equals(label) && before.url().strip().equals(url)) {
            return base.cta();
        }
        return label.isEmpty() && url.isEmpty() ? Optional.empty() : Optional.of(new Cta(label, url));
    }

    private Map<String, Map<String, String>> channels(Story base) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        base.channels().forEach((k, v) -> out.put(k, new LinkedHashMap<>(v)));
        put(out, EMAIL, "subject", v(emailSubject).strip());
        put(out, EMAIL, "preheader", v(emailPreheader).strip());
        put(out, SOCIAL, "text", v(socialText).strip());
        return out;
    }

    /** Sets or removes one override; a channel whose last override the user cleared goes away. */
    private static void put(Map<String, Map<String, String>> channels, String channel, String key, String value) {
        Map<String, String> values = channels.get(channel);
        String before = values == null ? "" : values.getOrDefault(key, "");
        if (before.strip().equals(value)) {
            return; // untouched: keep exactly what the file said
        }
        if (value.isEmpty()) {
            values.remove(key);
            if (values.isEmpty()) {
                channels.remove(channel);
            }
        } else {
            channels.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(key, value);
        }
    }

    private void validate() {
        List<FormProblem> found = new ArrayList<>();
        if (v(title).isBlank()) {
            found.add(new FormProblem("title", "form.problem.title"));
        }
        String typedSlug = v(slug).strip();
        String slugKey = slugProblem(typedSlug);
        if (slugKey != null) {
            found.add(new FormProblem("slug", slugKey));
        }
        if (isPublished()) {
            slugNote.set(typedSlug.equals(getPublishedSlug()) ? SlugNote.PUBLISHED : SlugNote.BREAKS_LINK);
        } else {
            slugNote.set(slugFollowsTitle.get() ? SlugNote.FOLLOWS_TITLE : SlugNote.NONE);
        }
        String url = v(ctaUrl).strip();
        String label = v(ctaLabel).strip();
        if (!url.isEmpty() && Urls.safeLink(url).isEmpty()) {
            found.add(new FormProblem("cta.url", "form.problem.ctaUrl"));
        } else if (url.isEmpty() && !label.isEmpty()) {
            found.add(new FormProblem("cta.url", "form.problem.ctaUrlMissing"));
        }
        if (label.isEmpty() && !url.isEmpty()) {
            found.add(new FormProblem("cta.label", "form.problem.ctaLabelMissing"));
        }
        if (!v(image).isBlank() && v(imageAlt).isBlank()) {
            found.add(new FormProblem("imageAlt", "form.problem.imageAlt"));
        }
        if (!found.equals(problems)) {
            problems.setAll(found);
        }
    }

    /** The front-matter problems now, updated as the user types. */
    public ObservableList<FormProblem> problems() {
        return readOnlyProblems;
    }

    /** The problem with one field, if any (field keys as in {@link FormProblem#field()}). */
    public Optional<FormProblem> problem(String field) {
        return problems.stream().filter(p -> p.field().equals(field)).findFirst();
    }

    /** Counts the user's edits; does not move on {@link #load}. */
    public ReadOnlyLongProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** Called after every user edit of a field (not on load); one hook, replaced by the next call. */
    public void setOnEdited(Runnable onEdited) {
        this.onEdited = onEdited == null ? () -> { } : onEdited;
    }

    public StringProperty titleProperty() {
        return title;
    }

    /** The story's web address ({@code slug}): lower case letters, digits and hyphens. */
    public StringProperty slugProperty() {
        return slug;
    }

    public String getSlug() {
        return v(slug);
    }

    public void setSlug(String value) {
        slug.set(value);
    }

    /** True while typing the title changes the address. */
    public ReadOnlyBooleanProperty slugFollowsTitleProperty() {
        return slugFollowsTitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SlugNote> slugNoteProperty() {
        return slugNote.getReadOnlyProperty();
    }

    /** Where the story is published: the address it was last sent under, else the one it had when opened. */
    public String getPublishedSlug() {
        return sentSlug.isEmpty() ? loadedSlug : sentSlug;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** Tags as one comma-separated text. */
    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty langProperty() {
        return lang;
    }

    /** The brand's id. */
    /** The persona's name, "" for none. */
    public StringProperty personaProperty() {
        return persona;
    }

    public StringProperty brandProperty() {
        return brand;
    }

    public StringProperty ctaLabelProperty() {
        return ctaLabel;
    }

    public StringProperty ctaUrlProperty() {
        return ctaUrl;
    }

    public StringProperty imageProperty() {
        return image;
    }

    public StringProperty imageAltProperty() {
        return imageAlt;
    }

    public StringProperty emailSubjectProperty() {
        return emailSubject;
    }

    public StringProperty emailPreheaderProperty() {
        return emailPreheader;
    }

    /** Post text for every social network without a text of its own ({@code channels.social.text}). */
    public StringProperty socialTextProperty() {
        return socialText;
    }

    /** The status id ({@link Status#id()}). */
    public StringProperty statusProperty() {
        return status;
    }

    public String getTitle() {
        return v(title);
    }

    public void setTitle(String value) {
        title.set(value);
    }

    public String getStatus() {
        return v(status);
    }

    public void setStatus(String value) {
        status.set(value);
    }
}
