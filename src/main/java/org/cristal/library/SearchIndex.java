package org.cristal.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.story.Slugs;
import org.cristal.story.Story;

/**
 * Keeps the FTS5 table in step with the stories table, inside the caller's transaction: the index
 * row has the story's {@code doc} as its rowid.
 */
final class SearchIndex {
    /** bm25 weights per column: title, summary, body, tags, folded. A title hit counts most. */
    static final String RANK = "bm25(10.0, 4.0, 1.0, 6.0, 1.0)";
    private static final Pattern LIGATURE_WORD = Pattern.compile("[\\p{L}]*[œŒæÆß][\\p{L}]*");

    private SearchIndex() {
    }

    static void put(Connection c, long doc, Story s) throws SQLException {
        remove(c, doc);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO story_fts(rowid, title, summary, body, tags, folded) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, doc);
            ps.setString(2, s.title());
            ps.setString(3, s.summary());
            ps.setString(4, PlainText.fromMarkdown(s.body()));
            ps.setString(5, String.join(" ", s.tags()));
            ps.setString(6, folded(s));
            ps.executeUpdate();
        }
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
            if (text.indexOf('œ') < 0 && text.indexOf('Œ') < 0 && text.indexOf('æ') < 0 && text.indexOf('Æ') < 0
                    && text.indexOf('ß') < 0) {
                continue;
            }
            Matcher m = LIGATURE_WORD.matcher(text);
            while (m.find()) {
                words.add(Slugs.foldAccents(m.group()));
            }
        }
        return String.join(" ", words);
    }
}
