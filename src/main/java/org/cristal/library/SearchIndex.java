package org.cristal.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.cristal.story.Slugs;
import org.cristal.story.Story;

/**
 * Keeps the FTS5 table in step with the stories table, inside the caller's transaction: the index
 * row has the story's {@code doc} as its rowid.
 */
final class SearchIndex {
    /** bm25 weights per column: title, summary, body, tags, folded. A title hit counts most. */
    static final String RANK = "bm25(10.0, 4.0, 1.0, 6.0, 1.0)";

    private SearchIndex() {
    }

    static void put(Connection c, long doc, Story s) throws SQLException {
        remove(c, doc);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            insert(ps, doc, s);
        }
    }

    static final String INSERT =
            "INSERT INTO story_fts(rowid, title, summary, body, tags, folded) VALUES (?, ?, ?, ?, ?, ?)";
    static final String DELETE = "DELETE FROM story_fts WHERE rowid = ?";

    /** Adds the index row for {@code doc} with the prepared {@link #INSERT}; any old row must be gone. */
    static void insert(PreparedStatement ps, long doc, Story s) throws SQLException {
        ps.setLong(1, doc);
        ps.setString(2, s.title());
        ps.setString(3, s.summary());
        ps.setString(4, PlainText.fromMarkdown(s.body()));
        ps.setString(5, String.join(" ", s.tags()));
        ps.setString(6, folded(s));
        ps.executeUpdate();
    }

    static void remove(Connection c, long doc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM story_fts WHERE rowid = ?")) {
            ps.setLong(1, doc);
            ps.executeUpdate();
        }
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
