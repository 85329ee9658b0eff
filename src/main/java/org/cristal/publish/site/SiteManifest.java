package org.cristal.publish.site;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stories on a static site, kept in {@code .cristal-site.json} in the site folder: a plugin sees one
 * story per publish, yet the index, the sitemap and the feeds list them all.
 *
 * @param stories one entry per story, ordered by story id so the file's bytes only change with its content
 */
record SiteManifest(int version, List<Entry> stories) {
    static final String FILE = ".cristal-site.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One published story.
     *
     * @param id        the story's id in the workspace: what identifies it from one publish to the next
     * @param slug      its page is {@code <slug>.html}
     * @param url       its canonical address from the brand's website, or ""
     * @param published when it first went on the site (kept on every later publish)
     * @param updated   when its page last changed
     * @param hash      SHA-256 of the web rendition's HTML, to tell a re-publish that changes nothing
     * @param images    the files under {@code images/} its page uses
     */
    record Entry(String id, String slug, String title, String summary, String lang, String author, String url,
            List<String> tags, String published, String updated, String hash, List<String> images) {
        Entry {
            tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
            images = List.copyOf(Objects.requireNonNullElse(images, List.of()));
            summary = Objects.requireNonNullElse(summary, "");
            lang = Objects.requireNonNullElse(lang, "");
            author = Objects.requireNonNullElse(author, "");
            url = Objects.requireNonNullElse(url, "");
        }
    }

    SiteManifest {
        stories = stories == null ? List.of()
                : stories.stream().sorted(Comparator.comparing(Entry::id)).toList();
    }

    static SiteManifest empty() {
        return new SiteManifest(1, List.of());
    }

    /** The manifest in {@code folder}, or an empty one when the folder has none yet. */
    static SiteManifest read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        return JSON.readValue(file.toFile(), SiteManifest.class);
    }

    byte[] bytes() throws IOException {
        return (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    Optional<Entry> find(String id) {
        return stories.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** This manifest with {@code entry} added or replacing the story's previous entry. */
    SiteManifest with(Entry entry) {
        List<Entry> out = new ArrayList<>(stories.stream().filter(e -> !e.id().equals(entry.id())).toList());
        out.add(entry);
        return new SiteManifest(version, out);
    }

    /** The stories newest first (then by slug, so equal dates keep one order). */
    List<Entry> newestFirst() {
        return stories.stream().sorted(Comparator.comparing((Entry e) -> OffsetDateTime.parse(e.published())
                .toInstant()).reversed().thenComparing(Entry::slug)).toList();
    }

    /** Whether a story other than {@code id} uses {@code path}. */
    boolean usedByOther(String id, String path) {
        return stories.stream().anyMatch(e -> !e.id().equals(id) && (e.images().contains(path)
                || (e.slug() + ".html").equals(path)));
    }
}
