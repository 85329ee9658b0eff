package org.cristal.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;

/**
 * The brand kit's voice rules: words the brand never uses, and terms it prefers to others. Matching
 * ignores case and accents ("Industriel" finds "industriel", "Genial" finds "génial"), treats hyphens
 * as spaces ("low-cost" finds "low cost") and accepts the usual inflections of the last word of a term:
 * plural in -s/-x, feminine in -e/-es (and -elle, -euse, -ive, -aux), and the common endings of
 * French verbs in -er (and -ed/-ing in English).
 */
public final class BrandVoice {
    private BrandVoice() {
    }

    /** A piece of story text and where it is: a body line, or a front-matter field (line 0). */
    record Place(String text, int line, Channel channel) {
    }

    public static List<Finding> check(StoryDocument doc, Brand brand) {
        Report report = new Report();
        Brand.Voice voice = brand.voice();
        if (voice.banned().isEmpty() && voice.preferred().isEmpty()) {
            return List.of();
        }
        List<Term> banned = new ArrayList<>();
        for (String b : voice.banned()) {
            Term t = Term.of(b);
            if (!t.words().isEmpty()) {
                banned.add(t);
            }
        }
        List<Term[]> preferred = new ArrayList<>();
        for (Map.Entry<String, String> e : voice.preferred().entrySet()) {
            Term avoid = Term.of(e.getKey());
            if (!avoid.words().isEmpty() && !Words.fold(e.getKey()).equals(Words.fold(e.getValue()))) {
                preferred.add(new Term[] {avoid, Term.of(e.getValue())});
            }
        }
        for (Place place : places(doc)) {
            List<String> words = folded(place.text());
            List<Words.Token> tokens = Words.tokens(place.text(), false);
            for (Term t : banned) {
                for (int at : t.find(words)) {
                    String found = place.text().substring(tokens.get(at).start(), tokens.get(at + t.size() - 1).end());
                    String instead = replacementFor(t, voice);
                    if (instead.isEmpty()) {
                        report.add(Severity.WARNING, place.channel(), "check.voice.banned", place.line(), found);
                    } else {
                        report.add(Severity.WARNING, place.channel(), "check.voice.bannedUse", place.line(), found,
                                instead);
                    }
                }
            }
            for (Term[] pair : preferred) {
                for (int at : pair[0].find(words)) {
                    if (pair[1].covers(words, at, pair[0].size())) {
                        continue; // "viennoiseries maison" is the preferred form of "viennoiseries"
                    }
                    String found = place.text().substring(tokens.get(at).start(),
                            tokens.get(at + pair[0].size() - 1).end());
                    report.add(Severity.INFO, place.channel(), "check.voice.preferred", place.line(), found,
                            pair[1].written());
                }
            }
        }
        return report.list();
    }

    /** A banned word that is also a key of the preferred terms has its replacement there. */
    private static String replacementFor(Term banned, Brand.Voice voice) {
        for (Map.Entry<String, String> e : voice.preferred().entrySet()) {
            if (Term.of(e.getKey()).words().equals(banned.words())) {
                return e.getValue();
            }
        }
        return "";
    }

    private static List<String> folded(String text) {
        List<Words.Token> tokens = Words.tokens(text, false);
        List<String> out = new ArrayList<>(tokens.size());
        for (Words.Token t : tokens) {
            out.add(Words.fold(t.text()));
        }
        return out;
    }

    /** Every text of the story a reader sees: title, summary, CTA label, image alt, channel texts, body. */
    static List<Place> places(StoryDocument doc) {
        Story s = doc.story();
        List<Place> out = new ArrayList<>();
        // A story without a title takes its first line as one: that line is checked in the body.
        boolean titleFromBody = doc.blocks().stream().anyMatch(b -> b.text().startsWith(s.title()));
        if (!titleFromBody) {
            out.add(new Place(s.title(), 0, null));
        }
        out.add(new Place(s.summary(), 0, null));
        out.add(new Place(s.imageAlt(), 0, null));
        s.cta().ifPresent(c -> out.add(new Place(c.label(), 0, null)));
        s.channels().forEach((channel, fields) -> fields.forEach((key, value) ->
                out.add(new Place(value, 0, Coherence.channelOf(channel)))));
        for (TextBlock b : doc.blocks()) {
            if (b.kind() != TextBlock.Kind.CODE) {
                out.add(new Place(b.text(), b.line(), null));
            }
        }
        for (var img : doc.images()) {
            out.add(new Place(img.alt(), img.line(), null));
        }
        return out;
    }

    /** A term of the brand kit as folded words, the last one matched with its inflections. */
    record Term(String written, List<String> words) {
        static Term of(String written) {
            return new Term(written.strip(), folded(written));
        }

        int size() {
            return words.size();
        }

        /** Start indexes of this term in a list of folded words. */
        List<Integer> find(List<String> text) {
            List<Integer> out = new ArrayList<>();
            int n = words.size();
            for (int i = 0; i + n <= text.size(); i++) {
                if (matchesAt(text, i)) {
                    out.add(i);
                    i += n - 1;
                }
            }
            return out;
        }

        boolean matchesAt(List<String> text, int i) {
            int n = words.size();
            if (i < 0 || i + n > text.size()) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                String w = text.get(i + k);
                if (!(k == n - 1 ? inflected(words.get(k), w) : inflectedPlural(words.get(k), w))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether this term occurs in {@code text} over the words {@code at … at+length-1}. */
        boolean covers(List<String> text, int at, int length) {
            for (int start = at + length - words.size(); start <= at; start++) {
                if (matchesAt(text, start)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Inner words of a term only vary in number and gender ("pains industriels"). */
    private static boolean inflectedPlural(String base, String w) {
        return w.equals(base) || w.equals(base + "s") || w.equals(base + "x") || w.equals(base + "e")
                || w.equals(base + "es");
    }

    private static final String[] VERB_ENDINGS = {"e", "es", "ent", "ons", "ez", "e", "ee", "es", "ees", "ait",
        "aient", "ais", "ant", "era", "eront", "erai", "er", "ions", "iez"};

    /** Whether a folded word is the folded base word or one of its usual inflections. */
    static boolean inflected(String base, String w) {
        if (w.equals(base)) {
            return true;
        }
        if (!w.startsWith(base.length() > 3 ? base.substring(0, base.length() - 3) : base)) {
            return false;
        }
        if (inflectedPlural(base, w) || w.equals(base + "ed") || w.equals(base + "d") || w.equals(base + "ing")) {
            return true;
        }
        if (base.endsWith("el") && (w.equals(base + "le") || w.equals(base + "les"))) {
            return true; // industriel → industrielle(s)
        }
        if (base.endsWith("eux") && w.startsWith(base.substring(0, base.length() - 1)) && w.matches(".*euses?")) {
            return true; // heureux → heureuse(s)
        }
        if (base.endsWith("if") && w.matches(java.util.regex.Pattern.quote(base.substring(0, base.length() - 1))
                + "ves?")) {
            return true; // sportif → sportive(s)
        }
        if (base.endsWith("al") && w.equals(base.substring(0, base.length() - 2) + "aux")) {
            return true; // général → généraux
        }
        if (base.endsWith("er") && base.length() > 3) {
            String stem = base.substring(0, base.length() - 2);
            for (String e : VERB_ENDINGS) {
                if (w.equals(stem + e)) {
                    return true; // brader → bradé, bradons, bradent
                }
            }
        }
        if (base.endsWith("e") && (w.equals(base + "d") || w.equals(base.substring(0, base.length() - 1) + "ing"))) {
            return true; // use → used, using
        }
        return false;
    }
}
