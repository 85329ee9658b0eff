package org.cristal.render.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.story.Story;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * French typography's spaces, for stories written in French: a no-break space (U+00A0) before a colon and
 * inside « », a narrow no-break space (U+202F) before ; ! ? (Imprimerie nationale), so a line never starts
 * with the punctuation. In Canadian French (fr-CA) only the colon and the guillemets get one, as the Office
 * québécois de la langue française recommends; an ordinary space typed before ; ! ? is still made
 * unbreakable. A space the author typed is replaced, a missing one added, one already unbreakable kept
 * (so the rules can run twice). Addresses (URLs, e-mails), code and HTML attributes are never touched, nor
 * punctuation inside a word or a number ("10:30", "?id=3").
 */
public final class FrenchSpacing {
    static final char NBSP = '\u00A0';
    static final char NARROW = '\u202F';
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)(?:[a-z][a-z0-9+.-]*://|www\\.|mailto:|tel:)[^\\s<>\"«»]*|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Set<String> VERBATIM = Set.of("code", "pre", "kbd", "samp", "script", "style", "textarea");
    private static final String CLOSERS = ")]}»\"”’'.,;:!?…";

    private final boolean canadian;

    private FrenchSpacing(boolean canadian) {
        this.canadian = canadian;
    }

    /** The rules for the story's declared language, if it is French. */
    public static Optional<FrenchSpacing> of(Story story) {
        return Texts.declaredLang(story).map(l -> l.toLowerCase(Locale.ROOT)).filter(l -> l.equals("fr")
                || l.startsWith("fr-")).map(l -> new FrenchSpacing(l.equals("fr-ca") || l.startsWith("fr-ca-")));
    }

    /** One line or paragraph of plain text. */
    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Edits edits = scan(text, new boolean[text.length()]);
        return edits.applied(text, 0, text.length());
    }

    /** Every text node under {@code root}, but those inside code; a paragraph is read as one text. */
    public void html(Element root) {
        List<TextNode> nodes = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        List<int[]> lockedRanges = new ArrayList<>();
        List<Boolean> verbatim = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    starts.add(all.length());
                    nodes.add(t);
                    String s = t.getWholeText();
                    verbatim.add(verbatim(t, root));
                    if (verbatim.get(verbatim.size() - 1)) {
                        lockedRanges.add(new int[] {all.length(), all.length() + s.length()});
                    }
                    all.append(s);
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                    all.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    all.append('\n');
                }
            }
        }, root);
        if (nodes.isEmpty()) {
            return;
        }
        boolean[] locked = new boolean[all.length()];
        for (int[] r : lockedRanges) {
            java.util.Arrays.fill(locked, r[0], r[1], true);
        }
        Edits edits = scan(all, locked);
        if (edits.none()) {
            return;
        }
        for (int i = 0; i < nodes.size(); i++) {
            TextNode t = nodes.get(i);
            int start = starts.get(i);
            String s = t.getWholeText();
            if (!verbatim.get(i)) {
                String changed = edits.applied(all, start, start + s.length());
                if (!changed.equals(s)) {
                    t.text(changed);
                }
            }
        }
    }

    private static boolean verbatim(TextNode t, Element root) {
        for (Node p = t.parent(); p != null && p != root.parent(); p = p.parent()) {
            if (p instanceof Element e && VERBATIM.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** What to change in a text: a character to insert before an index, or a space to replace at one. */
    private static final class Edits {
        final char[] before;
        final char[] replace;
        boolean any;

        Edits(int n) {
            before = new char[n + 1];
            replace = new char[n];
        }

        boolean none() {
            return !any;
        }

        String applied(CharSequence text, int from, int to) {
            StringBuilder out = new StringBuilder(to - from + 4);
            for (int i = from; i < to; i++) {
                if (before[i] != 0) {
                    out.append(before[i]);
                }
                out.append(replace[i] != 0 ? replace[i] : text.charAt(i));
            }
            return out.toString();
        }
    }

    private Edits scan(CharSequence s, boolean[] locked) {
        int n = s.length();
        Matcher m = ADDRESS.matcher(s);
        while (m.find()) {
            java.util.Arrays.fill(locked, m.start(), m.end(), true);
        }
        Edits edits = new Edits(n);
        for (int i = 0; i < n; i++) {
            if (locked[i]) {
                continue;
            }
            char c = s.charAt(i);
            switch (c) {
                case ';', '!', '?' -> {
                    if (endsPhrase(s, i + 1)) {
                        spaceBefore(s, locked, i, NARROW, !canadian, "!?;:«([{", edits);
                    }
                }
                case ':' -> {
                    if (i + 1 >= n || Character.isWhitespace(s.charAt(i + 1)) || "»\"”".indexOf(s.charAt(i + 1)) >= 0) {
                        spaceBefore(s, locked, i, NBSP, true, "!?;:«([{", edits);
                    }
                }
                case '»' -> spaceBefore(s, locked, i, NBSP, true, "«([{", edits);
                case '«' -> spaceAfter(s, locked, i, edits);
                default -> {
                }
            }
        }
        return edits;
    }

    // "?id=3", "a;b" and ";-)" are not the end of a phrase.
    private static boolean endsPhrase(CharSequence s, int next) {
        return next >= s.length() || Character.isWhitespace(s.charAt(next)) || CLOSERS.indexOf(s.charAt(next)) >= 0;
    }

    /**
     * @param add   whether to add a space where there is none, or only make a typed one unbreakable
     * @param after characters the punctuation follows without a space ("?!", "(:")
     */
    private static void spaceBefore(CharSequence s, boolean[] locked, int i, char space, boolean add, String after,
            Edits edits) {
        if (i == 0) {
            return;
        }
        char p = s.charAt(i - 1);
        if (p == ' ' && !locked[i - 1]) {
            if (edits.replace[i - 1] == 0) {
                edits.replace[i - 1] = space;
                edits.any = true;
            }
        } else if (add && !unbreakable(p) && !Character.isWhitespace(p) && after.indexOf(p) < 0
                && edits.before[i] == 0) {
            edits.before[i] = space;
            edits.any = true;
        }
    }

    private static void spaceAfter(CharSequence s, boolean[] locked, int i, Edits edits) {
        int j = i + 1;
        if (j >= s.length()) {
            return;
        }
        char q = s.charAt(j);
        if (q == ' ' && !locked[j]) {
            edits.replace[j] = NBSP;
            edits.any = true;
        } else if (!unbreakable(q) && !Character.isWhitespace(q) && q != '»' && !locked[j]) {
            edits.before[j] = NBSP;
            edits.any = true;
        }
    }

    private static boolean unbreakable(char c) {
        return c == NBSP || c == NARROW || c == '\u2007' || c == '\u2009' || c == '\u200A' || c == '\u2060';
    }
}
