package org.cristal.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;

/**
 * Spelling and grammar of the story's prose, offline, with LanguageTool: French and English (other
 * languages get nothing). Not part of {@link Checks#run}: a first check of a language loads its
 * dictionaries and rules (seconds, a hundred megabytes or so; docs/performance.md), a warm one costs
 * tens of milliseconds. Callers run it on a worker thread of their own, after the fast checks.
 *
 * <p>One {@link JLanguageTool} per language variant is made on first use, on the calling thread, and
 * kept for the life of the instance; such a tool is not thread-safe, so each is used by one thread at
 * a time (a lock per tool). Use {@link #shared()} so that the studio and the command line load each
 * language once per process.
 *
 * <p>Paragraphs are checked one by one and what LanguageTool said about each is remembered (the last
 * {@value #REMEMBERED} paragraphs per language): a keystroke changes one paragraph, so re-checking a
 * story while it is typed costs one paragraph, not the whole story.
 */
public final class Spelling {
    /** A long story with many slips gets this many findings and one that says how many more there are. */
    public static final int MAX_FINDINGS = 50;
    private static final int MAX_SUGGESTIONS = 3;
    static final int REMEMBERED = 4_000;
    private static final System.Logger LOG = System.getLogger(Spelling.class.getName());
    private static final Spelling SHARED = new Spelling();

    /**
     * Rule categories worth a marketer's attention: real mistakes. Style, redundancy, "plain English",
     * Wikipedia and regional-usage advice are opinions, and so are most comma rules (French
     * PONCTUATION_VIRGULE wants "maintenant, je"): a finding list full of them gets ignored.
     */
    private static final Set<String> CATEGORIES = Set.of("TYPOS", "GRAMMAR", "CONFUSED_WORDS", "PUNCTUATION",
            "TYPOGRAPHY", "CASING", "COMPOUNDING", "SEMANTICS", "AGREEMENT", "HOMONYMS", "CAT_TYPOGRAPHIE",
            "CAT_GRAMMAIRE", "CAT_HOMONYMES_PARONYMES", "CAT_ELISION", "CAT_MAJUSCULES", "CAT_TOURS_CRITIQUES",
            "CAT_REGLES_DE_BASE", "NONSTANDARD_PHRASES");
    /** Rules kept from categories otherwise left out ("a apple" is filed under miscellaneous). */
    private static final Set<String> KEPT = Set.of("EN_A_VS_AN");
    /**
     * Rules that are right in general but wrong for text cut out of Markdown, or that fight the house
     * typography (docs/style.md): spaces (the text is re-flowed from Markdown), the narrow no-break space
     * before ; : ! ? (the renderers' business, not the author's), straight quotes and apostrophes (the
     * author may type either), paragraph-end punctuation (headings and list items have none), optional
     * commas (PRP_COMMA: "For us it means"), and French "a"/"à", which misreads plain sentences ("Cette
     * lenteur a trois effets") in the corpus.
     */
    private static final Set<String> SKIPPED = Set.of("WHITESPACE_RULE", "SENTENCE_WHITESPACE",
            "DOUBLE_PUNCTUATION", "UPPERCASE_SENTENCE_START", "PUNCTUATION_PARAGRAPH_END", "EN_QUOTES",
            "EN_UNPAIRED_QUOTES", "EN_UNPAIRED_BRACKETS", "UNPAIRED_BRACKETS", "DASH_RULE", "ELLIPSIS",
            "FRENCH_WHITESPACE", "FRENCH_WHITESPACE_STRICT", "FR_SPACE", "ESPACE_APRES_POINT", "APOS_TYP",
            "APOS_INCORRECT", "TIRET", "TIRET_LONG", "GUILLEMETS", "FRENCH_PUNCTUATION_SPACE",
            "ESPACE_INSECABLE", "POINTS_SUSPENSION", "NB_SPACE", "ARROWS", "MULTIPLICATION_SIGN",
            "FR_SPLIT_WORDS_HYPHEN", "TOO_LONG_SENTENCE", "TOO_LONG_PARAGRAPH", "CONSECUTIVE_SPACES",
            "DE_QUOTES", "TYPOGRAPHY_QUOTES", "COMMA_PARENTHESIS_WHITESPACE", "PRP_COMMA", "A_ACCENT");

    private final Map<String, Tool> tools = new ConcurrentHashMap<>();

    /** One checker per process: the dictionaries are loaded once, however many callers there are. */
    public static Spelling shared() {
        return SHARED;
    }

    /**
     * The LanguageTool language for a story language ({@code fr}, {@code en}, {@code en-GB} …): French,
     * British, Canadian, Australian … English when named, American English for plain {@code en}; empty
     * for any other language.
     */
    public static Optional<String> variant(String lang) {
        String tag = lang == null ? "" : lang.strip().replace('_', '-');
        String primary = tag.split("-", 2)[0].toLowerCase(Locale.ROOT);
        if (primary.equals("fr")) {
            return Optional.of("fr");
        }
        if (primary.equals("en")) {
            String region = tag.contains("-") ? tag.split("-", 2)[1].toUpperCase(Locale.ROOT) : "";
            return Optional.of(switch (region) {
                case "GB", "UK", "IE" -> "en-GB";
                case "CA" -> "en-CA";
                case "AU" -> "en-AU";
                case "NZ" -> "en-NZ";
                case "ZA" -> "en-ZA";
                default -> "en-US";
            });
        }
        return Optional.empty();
    }

    /** Whether the checker for this story language is ready, so a check will not wait for loading. */
    public boolean isReady(String lang) {
        Optional<String> v = variant(lang);
        return v.isEmpty() || (tools.containsKey(v.get()) && tools.get(v.get()).warm);
    }

    /**
     * Loads the checker of a story language now (dictionaries, rules) if it is not loaded yet. Slow the
     * first time: call it on a worker thread.
     */
    public void load(String lang) {
        variant(lang).ifPresent(v -> tool(v).warmUp());
    }

    /**
     * The spelling, grammar and typography mistakes of the story's title, summary and body prose, at
     * most {@value #MAX_FINDINGS} plus one saying how many more. Code, links, e-mail addresses, hashtags,
     * handles and the brand's own words (its name, preferred terms, the story's tags) are never reported
     * as misspellings. Loads the language's checker on first use (slow): never call it on the FX thread.
     */
    public List<Finding> check(StoryDocument doc, Brand brand) {
        return check(doc, brand, () -> false);
    }

    /**
     * As {@link #check(StoryDocument, Brand)}, giving up (with an empty list) between two paragraphs
     * once {@code stale} says the result is no longer wanted; the paragraphs checked so far are kept.
     */
    public List<Finding> check(StoryDocument doc, Brand brand, java.util.function.BooleanSupplier stale) {
        Optional<String> v = variant(doc.story().lang());
        if (v.isEmpty()) {
            return List.of();
        }
        Prose prose = Prose.of(doc);
        if (prose.text().isBlank()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        try {
            Tool tool = tool(v.get());
            for (int i = 0; i < prose.parts().size(); i++) {
                if (stale.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    return List.of();
                }
                int start = prose.starts().get(i);
                tool.check(prose.parts().get(i)).forEach(m -> matches.add(m.shifted(start)));
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: a jar of LanguageTool missing from a broken install; the story is still fine.
            if (interrupted(e)) {
                // The caller gave up (a newer text, the studio closing): nothing to report.
                Thread.currentThread().interrupt();
                return List.of();
            }
            LOG.log(System.Logger.Level.WARNING, "spelling check failed", e);
            return List.of(Finding.of(Severity.INFO, null, "check.spelling.failed", 0));
        }
        Set<String> own = ownWords(doc, brand);
        List<int[]> skipped = protectedRanges(prose.text());
        List<Finding> out = new ArrayList<>();
        String lang = v.get().substring(0, 2);
        // Plain "en" does not say which English: British spellings are as right as American ones. The
        // American checker says so in its message (it knows the British dictionary), the only place it does.
        boolean anyEnglish = lang.equals("en") && !doc.story().lang().replace('_', '-').contains("-");
        for (Match m : matches) {
            String covered = prose.text().substring(m.from(), m.to());
            if (overlaps(skipped, m.from(), m.to())
                    || (m.spelling() && (isOwn(covered, own) || prose.isNameLike(m.from())
                            || (anyEnglish && m.message().contains("is British English"))))) {
                continue;
            }
            out.add(finding(m, covered, prose.line(m.from()), lang));
        }
        out.sort(Comparator.comparingInt(Finding::line));
        if (out.size() > MAX_FINDINGS) {
            int more = out.size() - MAX_FINDINGS;
            out = new ArrayList<>(out.subList(0, MAX_FINDINGS));
            out.add(Finding.of(Severity.INFO, null, "check.spelling.more", 0, more));
        }
        return List.copyOf(out);
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    /** What LanguageTool said about a stretch of a paragraph, kept without its parse of the sentence. */
    private record Match(int from, int to, boolean spelling, String category, String message,
            List<String> suggestions) {
        static Match of(RuleMatch m) {
            return new Match(m.getFromPos(), m.getToPos(), m.getRule().isDictionaryBasedSpellingRule(),
                    m.getRule().getCategory().getId().toString(), m.getMessage(),
                    m.getSuggestedReplacements().stream().filter(s -> !s.isBlank()).limit(MAX_SUGGESTIONS).toList());
        }

        Match shifted(int by) {
            return new Match(from + by, to + by, spelling, category, message, suggestions);
        }
    }

    private static Finding finding(Match m, String covered, int line, String lang) {
        List<String> suggestions = m.suggestions();
        String open = lang.equals("fr") ? "«\u00a0" : "“";
        String close = lang.equals("fr") ? "\u00a0»" : "”";
        String joined = String.join(", ", suggestions);
        String word = covered.strip();
        if (m.spelling()) {
            return suggestions.isEmpty() ? Finding.of(Severity.WARNING, null, "check.spelling.unknown", line, word)
                    : Finding.of(Severity.WARNING, null, "check.spelling", line, word, joined);
        }
        String note = m.message().replace("<suggestion>", open).replace("</suggestion>", close)
                .replaceAll("<[^>]+>", "").strip();
        String category = m.category();
        boolean typography = category.equals("TYPOGRAPHY") || category.equals("CAT_TYPOGRAPHIE")
                || category.equals("PUNCTUATION") || category.equals("PONCTUATION_VIRGULE");
        Severity severity = typography ? Severity.INFO : Severity.WARNING;
        if (suggestions.isEmpty()) {
            return Finding.of(severity, null, typography ? "check.typography.note" : "check.grammar.note", line,
                    word, note);
        }
        return Finding.of(severity, null, typography ? "check.typography" : "check.grammar", line, word, joined,
                note);
    }

    // Links, addresses, hashtags and handles: LanguageTool knows some of them, not all (a bare domain, a
    // #CamelCaseTag, an @handle@instance).
    private static final Pattern UNCHECKED = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)\\S+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|[#@][\\p{L}\\p{N}_]+(?:@[\\w.-]+)?"
                    + "|\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:com|org|net|fr|io|be|ch|ca|uk|eu|de|co|app|dev)\\b(?:/\\S*)?");

    private static List<int[]> protectedRanges(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = UNCHECKED.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    private static boolean overlaps(List<int[]> ranges, int from, int to) {
        for (int[] r : ranges) {
            if (from < r[1] && to > r[0]) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}’'_-]+");
    private static final Pattern INLINE_CODE = Pattern.compile("`+([^`\\n]+)`+");

    /** The brand's own vocabulary and what the author marked as code: words a dictionary cannot know. */
    static Set<String> ownWords(StoryDocument doc, Brand brand) {
        Set<String> out = new HashSet<>();
        List<String> sources = new ArrayList<>();
        sources.add(brand.name());
        sources.add(brand.id());
        sources.addAll(brand.voice().preferred().values());
        sources.addAll(brand.social().values());
        sources.addAll(doc.story().tags());
        Matcher code = INLINE_CODE.matcher(doc.story().body());
        while (code.find()) {
            sources.add(code.group(1));
        }
        for (String s : sources) {
            Matcher w = WORD.matcher(s == null ? "" : s);
            while (w.find()) {
                out.add(key(w.group()));
                for (String part : w.group().split("[-_]")) {
                    out.add(key(part));
                }
            }
        }
        out.remove("");
        return out;
    }

    private static boolean isOwn(String covered, Set<String> own) {
        Matcher w = WORD.matcher(covered);
        boolean any = false;
        while (w.find()) {
            if (!own.contains(key(w.group()))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replace('\'', '’');
    }

    /** Forgets the paragraphs already checked (the checkers stay loaded); for measurements. */
    public void forgetParagraphs() {
        tools.values().forEach(Tool::forget);
    }

    private Tool tool(String variant) {
        return tools.computeIfAbsent(variant, Tool::new);
    }

    /** One LanguageTool for one language, used by one thread at a time. */
    private static final class Tool {
        private final String variant;
        private JLanguageTool lt;
        private volatile boolean warm;
        private final Map<String, List<Match>> seen = new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Match>> eldest) {
                return size() > REMEMBERED;
            }
        };

        Tool(String variant) {
            this.variant = variant;
        }

        synchronized void warmUp() {
            try {
                check("Ok.");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** LanguageTool's matches in one paragraph, offsets from its start. */
        synchronized List<Match> check(String paragraph) throws IOException {
            List<Match> known = seen.get(paragraph);
            if (known != null) {
                return known;
            }
            if (lt == null) {
                lt = create(Languages.getLanguageForShortCode(variant));
            }
            List<Match> matches = lt.check(paragraph).stream().map(Match::of).toList();
            warm = true;
            seen.put(paragraph, matches);
            return matches;
        }

        synchronized void forget() {
            seen.clear();
        }

        private static JLanguageTool create(Language language) {
            JLanguageTool tool = new JLanguageTool(language);
            List<String> off = new ArrayList<>();
            for (Rule r : tool.getAllActiveRules()) {
                boolean wanted = CATEGORIES.contains(r.getCategory().getId().toString()) || KEPT.contains(r.getId());
                if (!wanted || SKIPPED.contains(r.getId())) {
                    off.add(r.getId());
                }
            }
            tool.disableRules(off);
            return tool;
        }
    }
}
