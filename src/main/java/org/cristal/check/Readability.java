package org.cristal.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cristal.render.common.Texts;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;

/**
 * How easy the story is to read: Flesch reading ease (English) or Kandel–Moles (French), the share of
 * long sentences, long paragraphs, stretches without a subheading, and the share of passive sentences
 * (English). Thresholds are those of docs/channel-rules.md.
 */
public final class Readability {
    /** Below this score a general audience finds the text hard. */
    static final double EASY_ENOUGH = 60;
    /** Below this score the text is very hard: a warning rather than advice. */
    static final double VERY_HARD = 30;
    static final int LONG_SENTENCE_WORDS = 20;
    static final double LONG_SENTENCE_SHARE = 0.25;
    static final int LONG_PARAGRAPH_WORDS = 150;
    static final int WORDS_PER_SUBHEADING = 300;
    static final double PASSIVE_SHARE = 0.10;
    /** A score over fewer words says more about the sample than about the writing. */
    static final int MIN_WORDS_FOR_SCORE = 100;
    /** Long sentences and passive voice are judged on at least this many sentences. */
    static final int MIN_SENTENCES_FOR_SHARE = 5;

    private Readability() {
    }

    /** The figures a readability review is made of. Score is empty for languages without a formula. */
    public record Stats(int words, int sentences, int syllables, int longSentences, int passiveSentences,
            Optional<Double> score) {
    }

    public static List<Finding> check(StoryDocument doc) {
        Report report = new Report();
        String lang = language(doc);
        List<TextBlock> blocks = doc.blocks();
        Stats stats = stats(blocks, lang);
        if (stats.score().isPresent() && stats.words() >= MIN_WORDS_FOR_SCORE) {
            double score = stats.score().get();
            String formula = "fr".equals(lang) ? "Kandel–Moles" : "Flesch";
            if (score < VERY_HARD) {
                report.add(Severity.WARNING, null, "check.readability.hard", 0, formula, Math.round(score));
            } else if (score < EASY_ENOUGH) {
                report.add(Severity.INFO, null, "check.readability.fair", 0, formula, Math.round(score));
            }
        }
        if (stats.sentences() >= MIN_SENTENCES_FOR_SHARE
                && stats.longSentences() > LONG_SENTENCE_SHARE * stats.sentences()) {
            report.add(Severity.INFO, null, "check.sentences.long", firstLongSentenceLine(blocks),
                    stats.longSentences(), stats.sentences(), LONG_SENTENCE_WORDS);
        }
        if ("en".equals(lang) && stats.sentences() >= MIN_SENTENCES_FOR_SHARE
                && stats.passiveSentences() > PASSIVE_SHARE * stats.sentences()) {
            report.add(Severity.INFO, null, "check.passive", firstPassiveLine(blocks),
                    stats.passiveSentences(), stats.sentences());
        }
        for (TextBlock b : blocks) {
            if (b.kind() == TextBlock.Kind.PARAGRAPH || b.kind() == TextBlock.Kind.QUOTE) {
                int words = Words.count(b.text());
                if (words > LONG_PARAGRAPH_WORDS) {
                    report.add(Severity.INFO, null, "check.paragraph.long", b.line(), words, LONG_PARAGRAPH_WORDS);
                }
            }
        }
        subheadings(blocks, report);
        return report.list();
    }

    /** The story's language as "fr", "en" or another primary subtag. */
    static String language(StoryDocument doc) {
        return Texts.lang(doc.story()).toLowerCase(Locale.ROOT).split("-", 2)[0];
    }

    /** A stretch of more than 300 words of text without a heading: reported at the line it starts. */
    private static void subheadings(List<TextBlock> blocks, Report report) {
        int run = 0;
        int start = 0;
        boolean reported = false;
        for (TextBlock b : blocks) {
            if (b.kind() == TextBlock.Kind.HEADING) {
                run = 0;
                start = 0;
                reported = false;
                continue;
            }
            if (!prose(b)) {
                continue;
            }
            if (start == 0) {
                start = b.line();
            }
            run += Words.count(b.text());
            if (run > WORDS_PER_SUBHEADING && !reported) {
                report.add(Severity.INFO, null, "check.subheading.missing", start, WORDS_PER_SUBHEADING);
                reported = true;
            }
        }
    }

    static boolean prose(TextBlock b) {
        return b.kind() == TextBlock.Kind.PARAGRAPH || b.kind() == TextBlock.Kind.LIST_ITEM
                || b.kind() == TextBlock.Kind.QUOTE;
    }

    public static Stats stats(List<TextBlock> blocks, String lang) {
        int words = 0;
        int sentences = 0;
        int syllables = 0;
        int longOnes = 0;
        int passive = 0;
        for (TextBlock b : blocks) {
            if (!prose(b)) {
                continue;
            }
            for (String s : Words.sentences(withoutUrls(b.text()))) {
                List<Words.Token> tokens = Words.tokens(s, true);
                sentences++;
                words += tokens.size();
                if (tokens.size() > LONG_SENTENCE_WORDS) {
                    longOnes++;
                }
                for (Words.Token t : tokens) {
                    syllables += Syllables.count(t.text(), lang);
                }
                if ("en".equals(lang) && passive(tokens)) {
                    passive++;
                }
            }
        }
        Optional<Double> score = Optional.empty();
        if (words > 0 && sentences > 0) {
            double wps = (double) words / sentences;
            double spw = (double) syllables / words;
            if ("fr".equals(lang)) {
                score = Optional.of(207 - 1.015 * wps - 73.6 * spw);
            } else if ("en".equals(lang)) {
                score = Optional.of(206.835 - 1.015 * wps - 84.6 * spw);
            }
        }
        return new Stats(words, sentences, syllables, longOnes, passive, score);
    }

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    /** Links are read as one word (or skipped), not as dozens of long ones. */
    private static String withoutUrls(String text) {
        return text.contains("://") || text.contains("www.") ? URL.matcher(text).replaceAll("lien") : text;
    }

    private static int firstLongSentenceLine(List<TextBlock> blocks) {
        for (TextBlock b : blocks) {
            if (prose(b)) {
                for (String s : Words.sentences(b.text())) {
                    if (Words.count(s) > LONG_SENTENCE_WORDS) {
                        return b.line();
                    }
                }
            }
        }
        return 0;
    }

    private static int firstPassiveLine(List<TextBlock> blocks) {
        for (TextBlock b : blocks) {
            if (prose(b)) {
                for (String s : Words.sentences(b.text())) {
                    if (passive(Words.tokens(s, true))) {
                        return b.line();
                    }
                }
            }
        }
        return 0;
    }

    private static final Set<String> BE = Set.of("am", "is", "are", "was", "were", "be", "been", "being", "get",
            "gets", "got", "gotten", "getting", "isn't", "aren't", "wasn't", "weren't", "it's", "that's",
            "they're", "we're", "you're", "he's", "she's");
    private static final Set<String> IRREGULAR = Set.of("born", "bought", "brought", "built", "caught", "chosen",
            "done", "drawn", "driven", "eaten", "fallen", "felt", "forgotten", "found", "given", "grown", "heard",
            "held", "hidden", "hit", "kept", "known", "laid", "led", "left", "lost", "made", "meant", "met", "paid",
            "put", "read", "ridden", "run", "said", "seen", "sent", "set", "shown", "shut", "sold", "spent",
            "spoken", "stolen", "struck", "sung", "taken", "taught", "thrown", "told", "understood", "woken",
            "won", "worn", "written", "cut", "beaten", "begun", "broken", "frozen", "hung", "sought", "swept");
    /** Adjectives in -ed that follow "be" without making a passive ("is interested" still is one; these are not). */
    private static final Set<String> NOT_PARTICIPLES = Set.of("need", "indeed", "bed", "red", "used", "supposed",
            "tired", "excited", "ready", "shed", "seed", "feed", "speed", "hundred", "naked", "wicked", "sacred");
    private static final Pattern ADVERB = Pattern.compile("\\p{L}+ly|not|never|also|often|still|already|always|then|now|being");

    /** "was roasted", "is often set aside", "got paid": a form of be or get, maybe an adverb, a participle. */
    static boolean passive(List<Words.Token> tokens) {
        for (int i = 0; i < tokens.size() - 1; i++) {
            if (!BE.contains(tokens.get(i).text().toLowerCase(Locale.ROOT).replace('’', '\''))) {
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() - 1 && j <= i + 2
                    && ADVERB.matcher(tokens.get(j).text().toLowerCase(Locale.ROOT)).matches()) {
                j++;
            }
            String w = tokens.get(j).text().toLowerCase(Locale.ROOT);
            if ((w.endsWith("ed") && w.length() > 3 && !NOT_PARTICIPLES.contains(w)) || IRREGULAR.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
