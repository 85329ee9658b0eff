package org.cristal.story;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A brand story as its author wrote it: front-matter fields plus the Markdown body. Immutable.
 * Absent text fields are empty strings, never null.
 *
 * @param id        stable internal key, unique in a workspace (from the file name or the title); never shown
 *                  on the web: see {@link #webSlug()}
 * @param slug      the web address the front matter gives ({@code slug:}), empty when it gives none
 * @param channels  per-channel overrides, e.g. {@code channels.email.subject}; channel ids as written
 * @param extra     front-matter keys Cristal does not know, kept so that a round trip loses nothing
 * @param bodyLine  1-based line of the story file where the body starts (for findings)
 */
public record Story(
        String id,
        String title,
        String slug,
        String summary,
        String body,
        List<String> tags,
        String lang,
        String brand,
        String image,
        String imageAlt,
        Optional<Cta> cta,
        Status status,
        Map<String, Map<String, String>> channels,
        Map<String, Object> extra,
        int bodyLine) {

    public Story {
        id = nz(id);
        title = nz(title);
        slug = nz(slug).strip();
        summary = nz(summary);
        body = nz(body);
        tags = List.copyOf(tags);
        lang = nz(lang);
        brand = nz(brand);
        image = nz(image);
        imageAlt = nz(imageAlt);
        cta = Objects.requireNonNullElse(cta, Optional.empty());
        status = Objects.requireNonNullElse(status, Status.DRAFT);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        channels.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        channels = java.util.Collections.unmodifiableMap(copy);
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        bodyLine = Math.max(1, bodyLine);
    }

    /** A story whose front matter gives no {@code slug:}. */
    public Story(String id, String title, String summary, String body, List<String> tags, String lang, String brand,
            String image, String imageAlt, Optional<Cta> cta, Status status, Map<String, Map<String, String>> channels,
            Map<String, Object> extra, int bodyLine) {
        this(id, title, "", summary, body, tags, lang, brand, image, imageAlt, cta, status, channels, extra, bodyLine);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A per-channel override such as {@code override("email", "subject")}, if set and not blank. */
    public Optional<String> override(String channel, String key) {
        Map<String, String> m = channels.get(channel);
        if (m == null) {
            return Optional.empty();
        }
        String v = m.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /**
     * The story's address on the web, the one name for it everywhere: page and canonical URL, UTM
     * campaign, static-site page, WordPress and Ghost slug, export folder. The front matter's
     * {@code slug:} when it has one; else the id's slug, the address every story had before slugs could
     * be written, so a story published then keeps its address; else the title's.
     */
    public String webSlug() {
        if (!slug.isEmpty()) {
            return slug;
        }
        return id.isBlank() ? Slugs.slug(title) : Slugs.slug(id);
    }

    public boolean hasImage() {
        return !image.isBlank();
    }

    /** A minimal story, for tests and for "new story" in the studio. */
    public static Story of(String id, String title, String body) {
        return new Story(id, title, "", body, List.of(), "", "", "", "", Optional.empty(), Status.DRAFT,
                Map.of(), Map.of(), 1);
    }

    public Story withId(String newId) {
        return new Story(newId, title, slug, summary, body, tags, lang, brand, image, imageAlt, cta, status, channels,
                extra, bodyLine);
    }

    public Story withStatus(Status newStatus) {
        return new Story(id, title, slug, summary, body, tags, lang, brand, image, imageAlt, cta, newStatus, channels,
                extra, bodyLine);
    }

    /** This story with another story's body line: for comparing stories read from different files. */
    public Story withBodyLineOf(Story other) {
        return new Story(id, title, slug, summary, body, tags, lang, brand, image, imageAlt, cta, status, channels,
                extra, other.bodyLine);
    }

    public Story withSlug(String newSlug) {
        return new Story(id, title, newSlug, summary, body, tags, lang, brand, image, imageAlt, cta, status, channels,
                extra, bodyLine);
    }

    public Story withBody(String newBody) {
        return new Story(id, title, slug, summary, newBody, tags, lang, brand, image, imageAlt, cta, status, channels,
                extra, bodyLine);
    }
}
