package org.cristal.check;

import java.util.ArrayList;
import java.util.List;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;

/**
 * The prose of a story as one text for a spelling checker, and the way back from an offset in it to a
 * line of the story file. Title and summary come first (line 0: they are front-matter fields), then
 * every text block of the body except code, each its own paragraph.
 */
record Prose(String text, List<Integer> starts, List<Integer> lines, List<String> parts) {

    static Prose of(StoryDocument doc) {
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        // A title or summary the body repeats (a story without front matter) is checked once, in the body.
        String body = doc.story().body();
        if (!body.contains(doc.story().title().strip())) {
            add(text, starts, lines, parts, doc.story().title(), 0);
        }
        if (!body.contains(doc.story().summary().strip())) {
            add(text, starts, lines, parts, doc.story().summary(), 0);
        }
        for (TextBlock b : doc.blocks()) {
            if (b.kind() != TextBlock.Kind.CODE) {
                add(text, starts, lines, parts, b.text(), b.line());
            }
        }
        return new Prose(text.toString(), starts, lines, parts);
    }

    private static void add(StringBuilder text, List<Integer> starts, List<Integer> lines, List<String> parts,
            String part, int line) {
        String p = part.strip();
        if (p.isEmpty()) {
            return;
        }
        if (text.length() > 0) {
            text.append("\n\n");
        }
        starts.add(text.length());
        lines.add(line);
        parts.add(p);
        text.append(p);
    }

    /**
     * Whether the word at this offset is capitalised inside a sentence: a name (a place, a person, a
     * product) more often than a misspelling, and names are what a dictionary knows least.
     */
    boolean isNameLike(int offset) {
        if (offset >= text.length() || !Character.isUpperCase(text.charAt(offset))) {
            return false;
        }
        int i = offset - 1;
        while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || "«“\"'‘(*_".indexOf(text.charAt(i)) >= 0)) {
            if (text.charAt(i) == '\n' && i > 0 && text.charAt(i - 1) == '\n') {
                return false;
            }
            i--;
        }
        return i >= 0 && ".!?…:".indexOf(text.charAt(i)) < 0;
    }

    /** The story-file line of a character of the text: the block's line plus the line breaks before it. */
    int line(int offset) {
        int i = starts.size() - 1;
        while (i > 0 && starts.get(i) > offset) {
            i--;
        }
        if (i < 0 || lines.get(i) == 0) {
            return 0;
        }
        String part = parts.get(i);
        int within = Math.min(Math.max(0, offset - starts.get(i)), part.length());
        int breaks = 0;
        for (int k = 0; k < within; k++) {
            if (part.charAt(k) == '\n') {
                breaks++;
            }
        }
        return lines.get(i) + breaks;
    }
}
