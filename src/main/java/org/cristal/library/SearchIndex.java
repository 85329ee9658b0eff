package org.cristal.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cristal.story.Slugs;
import org.cristal.story.Story;

/**
 * Keeps the FTS5 table in step with the stories table, inside the caller's transaction: the index
 * row has the story's {@code doc} as its rowid.
 */
final class SearchIndex {
    /**
     * bm25 weights per column: title, summary, body, tags, folded, facets. A title hit counts most;
     * facets only filter, they never change the order.
     */
    static final String RANK = "bm25(10.0, 4.0, 1.0, 6.0, 1.0, 0.0)";

    private static final String COLUMNS = "title, summary, body, tags, folded, facets";
    private static final String TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'";

    /**
     * The index since schema step 6: contentless, so it holds no copy of the text (snippets come from the
     * stored revision, see {@link Search}); {@code contentless_delete} lets a story's row be replaced.
     * remove_diacritics 2 folds accents in the text and in the query alike; the prefix indexes keep
     * as-you-type queries of two and three letters from reading every word that starts so.
     */
    static final String CREATE = "CREATE VIRTUAL TABLE story_fts USING fts5(" + COLUMNS + ", " + TOKENIZE
            + ", prefix = '2 3', content = '', contentless_delete = 1)";

    /** A table with the same columns and words, and its text beside it: made per connection for snippets. */
    static final List<String> CREATE_SNIPPETS = List.of(
            "CREATE TABLE IF NOT EXISTS temp.story_snippet_text(" + COLUMNS + ")",
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.story_snippets USING fts5(" + COLUMNS + ", " + TOKENIZE
                    + ", content = 'story_snippet_text')");

    private SearchIndex() {
    }

    static void put(Connection c, long doc, Story s) throws SQLException {
        remove(c, doc);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            insert(ps, doc, s);
        }
    }

    static final String INSERT = insertInto("story_fts");
    static final String DELETE = "DELETE FROM story_fts WHERE rowid = ?";

    static String insertInto(String table) {
        return "INSERT INTO " + table + "(rowid, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    }

    /** Adds the index row for {@code doc} with the prepared {@link #INSERT}; any old row must be gone. */
    static void insert(PreparedStatement ps, long doc, Story s) throws SQLException {
        ps.setLong(1, doc);
        ps.setString(2, s.title());
        ps.setString(3, s.summary());
        ps.setString(4, PlainText.fromMarkdown(s.body()));
        ps.setString(5, String.join(" ", s.tags()));
        ps.setString(6, folded(s));
        ps.setString(7, facets(s));
        ps.executeUpdate();
    }

    static void remove(Connection c, long doc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM story_fts WHERE rowid = ?")) {
            ps.setLong(1, doc);
            ps.executeUpdate();
        }
    }

    /**
     * The list filters (status, language, brand, tags) written as words, so that a filtered search
     * is one FTS5 query: the index intersects the postings instead of ranking every text match and
     * dropping most of them afterwards. Each value becomes one opaque token (kind + hex of the
     * folded value), so a filter is a single-term lookup: "pain" cannot match the tag "pain
     * complet", and no common word has to be read to check a phrase.
     */
    static final String FACET_PREFIX = "zzq";

    static String facets(Story s) {
        StringBuilder b = new StringBuilder();
        b.append(facetToken("s", s.status().id())).append(' ');
        b.append(facetToken("l", s.lang())).append(' ');
        b.append(facetToken("b", s.brand()));
        for (String tag : s.tags()) {
            b.append(' ').append(facetToken("t", tag));
        }
        return b.toString();
    }

    /** The FTS5 expression that keeps only the rows whose facet {@code kind} is {@code value}. */
    static String facetMatch(String kind, String value) {
        return "facets : " + facetToken(kind, value);
    }

    static String facetToken(String kind, String value) {
        String folded = Slugs.foldAccents(value.strip()).toLowerCase(Locale.ROOT);
        return FACET_PREFIX + kind + HexFormat.of().formatHex(folded.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The unicode61 tokenizer removes accents but keeps ligatures, so "oeuf" would not find "œuf".
     * Words written with a ligature are indexed a second time, spelled out, in a column of their own.
     */
    static String folded(Story s) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : new String[] {s.title(), s.summary(), s.body()}) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 'œ' || c == 'Œ' || c == 'æ' || c == 'Æ' || c == 'ß') {
                    int start = i;
                    while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                        start--;
                    }
                    int end = i + 1;
                    while (end < text.length() && Character.isLetter(text.charAt(end))) {
                        end++;
                    }
                    words.add(Slugs.foldAccents(text.substring(start, end)));
                    i = end;
                }
            }
        }
        return String.join(" ", words);
    }
}
