package org.cristal.check;

import java.util.List;
import java.util.Map;
import org.cristal.render.common.Texts;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;

/**
 * Unicode direction controls that make text show in another order than the one written: the overrides
 * (U+202D, U+202E), which reverse even Latin letters, and embeddings or isolates left open (U+202A, U+202B,
 * U+2066–U+2068 without their closing U+202C or U+2069), which reverse what follows them in an inbox row or
 * a feed. A known way to disguise a link or a sender ("Trojan Source"), invisible in the editor, so every
 * text of the story is looked at: title, summary, image description, call to action, per-channel texts
 * (e-mail subject, posts) and the body, line by line. Right-to-left writing needs none of them: the marks
 * U+200E and U+200F and closed isolates pass.
 */
public final class DirectionControls {
    private DirectionControls() {
    }

    public static List<Finding> check(StoryDocument doc) {
        Report report = new Report();
        Story story = doc.story();
        look(story.title(), 0, report);
        look(story.summary(), 0, report);
        look(story.imageAlt(), 0, report);
        story.cta().ifPresent(c -> look(c.label(), 0, report));
        for (Map<String, String> texts : story.channels().values()) {
            texts.values().forEach(t -> look(t, 0, report));
        }
        for (TextBlock b : doc.blocks()) {
            look(b.text(), b.line(), report);
        }
        return report.list();
    }

    private static void look(String text, int line, Report report) {
        if (misleading(text)) {
            report.add(Severity.WARNING, null, "check.bidi.control", line, shown(text));
        }
    }

    /** Whether the text holds an override, or an embedding or isolate it does not close. */
    static boolean misleading(String text) {
        int embeddings = 0;
        int isolates = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '\u202D', '\u202E' -> {
                    return true;
                }
                case '\u202A', '\u202B' -> embeddings++;
                case '\u202C' -> embeddings = Math.max(0, embeddings - 1);
                case '\u2066', '\u2067', '\u2068' -> isolates++;
                case '\u2069' -> isolates = Math.max(0, isolates - 1);
                // A paragraph break closes everything (Unicode bidi rule X8).
                case '\n', '\r', '\u2029' -> {
                    if (embeddings + isolates > 0) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return embeddings + isolates > 0;
    }

    /** Where the first control is, written out: "…the offer ⟨U+202E⟩gpj.exe…". */
    private static String shown(String text) {
        int at = 0;
        while (at < text.length() && !Texts.isDirectionControl(text.charAt(at))) {
            at++;
        }
        int start = Math.max(0, at - 30);
        int end = Math.min(text.length(), at + 40);
        // Never half of a surrogate pair at either edge.
        start += start > 0 && Character.isLowSurrogate(text.charAt(start)) ? 1 : 0;
        end -= end < text.length() && Character.isLowSurrogate(text.charAt(end)) ? 1 : 0;
        StringBuilder out = new StringBuilder(start > 0 ? "…" : "");
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Texts.isDirectionControl(c)) {
                out.append(String.format(java.util.Locale.ROOT, "\u27E8U+%04X\u27E9", (int) c));
            } else {
                out.append(c);
            }
        }
        return Texts.oneLine(out.append(end < text.length() ? "…" : "").toString());
    }
}
