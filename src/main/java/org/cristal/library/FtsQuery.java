package org.cristal.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what a user typed into a safe FTS5 MATCH expression. Each word becomes a quoted string
 * (FTS5 has no other escaping), so {@code "}, {@code AND (}, {@code c++} or {@code title:x} are
 * searched as text and can never be a syntax error. Words are ANDed. Words starting with the
 * reserved prefix of the filter tokens are dropped, so a search never matches a story's filters.
 */
final class FtsQuery {
    private static final int MAX_TERMS = 12;
    private static final int MAX_TERM_LENGTH = 64;

    private FtsQuery() {
    }

    /** The MATCH expression, or empty when the text holds no searchable word. */
    static Optional<String> build(String userText, boolean prefix) {
        List<String> terms = new ArrayList<>();
        for (String raw : userText.strip().split("\\s+")) {
            String term = raw.length() > MAX_TERM_LENGTH ? raw.substring(0, MAX_TERM_LENGTH) : raw;
            boolean reserved = term.toLowerCase(Locale.ROOT).startsWith(SearchIndex.FACET_PREFIX);
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
                q.append(' ');
            }
            q.append('"').append(term.replace("\"", "\"\"")).append('"');
            // A one-letter prefix would merge the postings of thousands of words; wait for a second letter.
            boolean last = i == terms.size() - 1;
            if (last && prefix && !Character.isWhitespace(userText.charAt(userText.length() - 1))
                    && wordChars(lastToken(term)) >= 2) {
                q.append('*');
            }
        }
        return Optional.of(q.toString());
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
