package org.cristal.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns what a user typed into a safe FTS5 MATCH expression. Each word becomes a quoted string
 * (FTS5 has no other escaping), so {@code "}, {@code AND (}, {@code c++} or {@code title:x} are
 * searched as text and can never be a syntax error. Words are ANDed. Words starting with the
 * reserved prefix of the filter tokens are dropped, so a search never matches a story's filters.
 */
final class FtsQuery {
    private static final int MAX_TERMS = 12;
    private static final int MAX_TERM_LENGTH = 64;
    /** Prefixes up to 3 letters have their own FTS5 prefix index and need no expansion. */
    private static final int MIN_EXPANDED = 4;

    private FtsQuery() {
    }

    /** The MATCH expression, or empty when the text holds no searchable word. */
    static Optional<String> build(String userText, boolean prefix) {
        return build(userText, prefix, word -> Optional.empty());
    }

    /**
     * As {@link #build(String, boolean)}; a last word that is a plain word of four letters or more
     * is offered to {@code expand}, which may answer with the indexed words it is a prefix of. They
     * are then searched as {@code ("w1" OR "w2")}: the same rows as {@code "word"*}, but read lazily.
     */
    static Optional<String> build(String userText, boolean prefix, Function<String, Optional<List<String>>> expand) {
        List<String> terms = new ArrayList<>();
        for (String raw : userText.strip().split("\\s+")) {
            String term = raw.length() > MAX_TERM_LENGTH ? raw.substring(0, MAX_TERM_LENGTH) : raw;
            // Anywhere in the word, and after accent folding: the tokenizer splits "x-zzqs" and folds "zżq".
            boolean reserved = org.cristal.story.Slugs.foldAccents(term).toLowerCase(Locale.ROOT)
                    .contains(SearchIndex.FACET_PREFIX);
            if (wordChars(term) > 0 && !reserved && terms.size() < MAX_TERMS) {
                terms.add(term);
            }
        }
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            if (i > 0) {
                // Explicit: FTS5 accepts an implicit AND between phrases but not before a bracket.
                q.append(" AND ");
            }
            // A one-letter prefix would merge the postings of thousands of words; wait for a second letter.
            boolean last = i == terms.size() - 1;
            boolean asPrefix = last && prefix && !Character.isWhitespace(userText.charAt(userText.length() - 1))
                    && wordChars(lastToken(term)) >= 2;
            Optional<List<String>> words = asPrefix && isPlainWord(term) && term.length() >= MIN_EXPANDED
                    ? expand.apply(term) : Optional.empty();
            if (words.isPresent()) {
                q.append('(').append(String.join(" OR ", words.get().stream().map(FtsQuery::quote).toList()))
                        .append(')');
            } else {
                q.append(quote(term));
                if (asPrefix) {
                    q.append('*');
                }
            }
        }
        return Optional.of(q.toString());
    }

    static String quote(String term) {
        return '"' + term.replace("\"", "\"\"") + '"';
    }

    static boolean isPlainWord(String term) {
        return term.codePoints().allMatch(Character::isLetterOrDigit);
    }

    private static int wordChars(String s) {
        return (int) s.codePoints().filter(Character::isLetterOrDigit).count();
    }

    /** The last run of letters and digits: the part of the word a prefix applies to. */
    private static String lastToken(String term) {
        int end = term.length();
        while (end > 0 && !Character.isLetterOrDigit(term.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetterOrDigit(term.charAt(start - 1))) {
            start--;
        }
        return term.substring(start, end);
    }
}
