package org.cristal.story;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a story file: optional YAML front matter between {@code ---} lines, then Markdown.
 * Errors are {@link StoryFormatException}s that name the line; nothing here can hang or blow up on
 * hostile input (see {@link YamlTree}).
 */
public final class StoryParser {
    private static final Set<String> KNOWN = Set.of("id", "title", "slug", "summary", "tags", "lang", "brand", "image",
            "image_alt", "cta", "status", "channels");

    private StoryParser() {
    }

    /** Decodes strict UTF-8 (a BOM is dropped) and parses. {@code id} may be blank: then the title's slug. */
    public static Story parse(String id, byte[] bytes) throws StoryFormatException {
        return parse(id, decodeUtf8(bytes));
    }

    public static Story parse(String id, String source) throws StoryFormatException {
        String text = source.replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new StoryFormatException("story.error.binary", lineOf(text, text.indexOf('\0')));
        }
        Map<String, YamlTree.Value> fm = Map.of();
        String body = text;
        int bodyLine = 1;
        if (text.startsWith("---\n") || text.equals("---")) {
            int end = findClosing(text);
            if (end < 0) {
                throw new StoryFormatException("story.error.frontMatterUnclosed", 1);
            }
            String yaml = text.substring(4, end);
            fm = YamlTree.readMapping(yaml, 2);
            int afterClosing = text.indexOf('\n', end);
            body = afterClosing < 0 ? "" : text.substring(afterClosing + 1);
            bodyLine = lineOf(text, end) + 1;
        }
        return build(id, fm, body, bodyLine);
    }

    private static Story build(String id, Map<String, YamlTree.Value> fm, String body, int bodyLine)
            throws StoryFormatException {
        String title = YamlTree.text(fm, "title").strip();
        if (title.isEmpty()) {
            title = Markdown.firstHeading(body).orElseGet(() -> firstLine(body));
        }
        String statusText = YamlTree.text(fm, "status");
        Status status = Status.DRAFT;
        if (!statusText.isBlank()) {
            status = Status.fromId(statusText).orElseThrow(() -> new StoryFormatException(
                    "story.error.status", fm.get("status").line(), statusText));
        }
        String slug = YamlTree.text(fm, "slug").strip();
        if (!slug.isEmpty() && !Slugs.isValid(slug)) {
            throw new StoryFormatException("story.error.slug", fm.get("slug").line(), slug, Slugs.fromTitle(slug));
        }
        Optional<Cta> cta = Optional.empty();
        if (fm.containsKey("cta") && !fm.get("cta").isNull()) {
            Map<String, YamlTree.Value> c = YamlTree.mapping(fm, "cta");
            cta = Optional.of(new Cta(YamlTree.text(c, "label"), YamlTree.text(c, "url")));
        }
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        Map<String, YamlTree.Value> ch = YamlTree.mapping(fm, "channels");
        for (String channel : ch.keySet()) {
            channels.put(channel, YamlTree.textMap(ch, channel));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        fm.forEach((k, v) -> {
            if (!KNOWN.contains(k)) {
                extra.put(k, YamlTree.plain(v));
            }
        });
        String storyId = YamlTree.text(fm, "id").strip();
        if (storyId.isEmpty()) {
            storyId = id == null || id.isBlank() ? Slugs.slug(title) : id;
        }
        if (title.isEmpty()) {
            title = storyId;
        }
        List<String> tags = YamlTree.textList(fm, "tags");
        return new Story(storyId, title, slug, YamlTree.text(fm, "summary").strip(), body, tags,
                YamlTree.text(fm, "lang").strip(), YamlTree.text(fm, "brand").strip(),
                YamlTree.text(fm, "image").strip(), YamlTree.text(fm, "image_alt").strip(), cta, status, channels,
                extra, bodyLine);
    }

    /** Index of the closing {@code ---} (or {@code ...}) line of the front matter, or -1. */
    private static int findClosing(String text) {
        int pos = text.indexOf('\n') + 1;
        while (pos > 0 && pos <= text.length()) {
            int eol = text.indexOf('\n', pos);
            String line = eol < 0 ? text.substring(pos) : text.substring(pos, eol);
            String t = line.stripTrailing();
            if (t.equals("---") || t.equals("...")) {
                return pos;
            }
            if (eol < 0) {
                return -1;
            }
            pos = eol + 1;
        }
        return -1;
    }

    private static String firstLine(String body) {
        for (String line : body.split("\n", 50)) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t.length() > 80 ? t.substring(0, 80).strip() + "…" : t;
            }
        }
        return "";
    }

    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Strict UTF-8: invalid bytes are an error that names the line, never a silent replacement. */
    public static String decodeUtf8(byte[] bytes) throws StoryFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new StoryFormatException("story.error.utf8", line);
        }
    }

    private static int firstInvalidByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }
}
