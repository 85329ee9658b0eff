package org.cristal.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;

/**
 * Full-text search over titles, summaries, bodies and tags (FTS5), ranked by bm25 with the title
 * weighted highest, combined with the list filters. Accents and case are ignored.
 *
 * <p>Latency is bounded on large workspaces. bm25 has to be computed for every matching row
 * before the best 20 are known, so a word found in most of 100,000 stories would cost a hundred
 * milliseconds or more. The filters are therefore part of the FTS5 expression (the index
 * intersects postings instead of ranking rows that a filter then drops), and when more than
 * {@link #RANKING_WINDOW} stories match, only the newest that many are ranked. Below that, which is
 * every query that names something specific, the ranking is exact.
 */
public final class Search {
    /** How many of the newest matches are ranked when a query matches more. */
    static final int RANKING_WINDOW = 1000;
    private static final int SNIPPET_TOKENS = 16;
    private static final int MAX_EXPANSION = 24;
    private static final int MAX_SCANNED = 400;
    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
    private final Db db;
    private final int rankingWindow;

    Search(Db db) {
        this(db, RANKING_WINDOW);
    }

    Search(Db db, int rankingWindow) {
        this.db = db;
        this.rankingWindow = rankingWindow;
    }

    /** Hits best first. Text without any searchable word returns no hits. */
    public List<SearchHit> find(SearchQuery query) {
        if (FtsQuery.build(query.text(), false).isEmpty()) {
            return List.of();
        }
        int window = Math.max(rankingWindow, query.filter().offset() + query.limit());
        // ORDER BY rank lets FTS5 sort inside the virtual table; only the rows out of the LIMIT get a snippet.
        StringBuilder sql = new StringBuilder("SELECT ").append(Filters.SUMMARY_COLUMNS)
                .append(", story_fts.rank, s.doc")
                // CROSS JOIN pins the index as the outer loop. Given a plain JOIN and a filter on an
                // indexed column, SQLite may walk the stories and run one FTS5 lookup per story: seconds.
                .append(" FROM story_fts CROSS JOIN stories s ON s.doc = story_fts.rowid")
                .append(" WHERE story_fts MATCH ? AND story_fts.rowid >= ?");
        List<Object> params = new ArrayList<>();
        params.add("");
        params.add(0L);
        // Checked again on the table: the facet words fold accents and case, the filters do not.
        Filters.where(query.filter(), sql, params);
        sql.append(" ORDER BY story_fts.rank LIMIT ? OFFSET ?");
        params.add(query.limit());
        params.add(query.filter().offset());
        return db.read(c -> {
            String text = FtsQuery.build(query.text(), query.prefix(), word -> expand(c, word)).orElseThrow();
            String match = match(text, query.filter());
            params.set(0, match);
            params.set(1, windowFloor(c, match, window));
            List<StorySummary> found = new ArrayList<>();
            List<Double> ranks = new ArrayList<>();
            List<Long> docs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Filters.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(Filters.summary(rs, 1));
                        ranks.add(rs.getDouble(Filters.SUMMARY_COLUMN_COUNT + 1));
                        docs.add(rs.getLong(Filters.SUMMARY_COLUMN_COUNT + 2));
                    }
                }
            }
            Map<Long, String> snippets = snippets(c, match, docs, query.open(), query.close());
            List<SearchHit> hits = new ArrayList<>(found.size());
            for (int i = 0; i < found.size(); i++) {
                hits.add(new SearchHit(found.get(i), snippets.getOrDefault(docs.get(i), ""), ranks.get(i)));
            }
            return hits;
        });
    }

    /**
     * The snippets of the hits, as FTS5 makes them, from their stored text: the index holds no text
     * (schema step 6). The hits' rows are indexed again, with their text, in a small table of the
     * connection's own (temp schema, so read-only connections can), and the same query asks it for
     * {@code snippet()}: the same words at the same places give the same snippet, highlights included.
     * Its text lives in a plain table beside it (external content), so emptying it costs nothing.
     */
    /** The pooled connections that have their snippet table already (made once per connection). */
    private final Set<Connection> withSnippetTable = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private Map<Long, String> snippets(Connection c, String match, List<Long> docs, String open, String close)
            throws SQLException {
        Map<Long, String> out = new HashMap<>();
        if (docs.isEmpty()) {
            return out;
        }
        if (withSnippetTable.add(c)) {
            for (String create : SearchIndex.CREATE_SNIPPETS) {
                Db.exec(c, create);
            }
        }
        Db.exec(c, "INSERT INTO temp.story_snippets(story_snippets) VALUES ('delete-all')");
        Db.exec(c, "DELETE FROM temp.story_snippet_text");
        String in = String.join(", ", java.util.Collections.nCopies(docs.size(), "?"));
        try (PreparedStatement read = c.prepareStatement("SELECT s.doc, s.id, s.revision, r.source FROM stories s "
                + "JOIN revisions r ON r.story_id = s.id AND r.number = s.revision WHERE s.doc IN (" + in + ")");
                PreparedStatement insert = c.prepareStatement(SearchIndex.insertInto("temp.story_snippet_text"))) {
            for (int i = 0; i < docs.size(); i++) {
                read.setLong(i + 1, docs.get(i));
            }
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(2);
                    try {
                        SearchIndex.insert(insert, rs.getLong(1), StoryParser.parse(id, RevisionText.read(rs, 4, id,
                                rs.getInt(3))));
                    } catch (StoryFormatException | WorkspaceException e) {
                        // Stored text is validated on save; a story unreadable here just has no snippet.
                    }
                }
            }
        }
        Db.exec(c, "INSERT INTO temp.story_snippets(story_snippets) VALUES ('rebuild')");
        try (PreparedStatement ps = c.prepareStatement("SELECT rowid, snippet(story_snippets, 2, ?, ?, '…', "
                + SNIPPET_TOKENS + ") FROM temp.story_snippets WHERE story_snippets MATCH ?")) {
            ps.setString(1, open);
            ps.setString(2, close);
            ps.setString(3, match);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /**
     * The user's words ANDed with one facet token per filter. No column filter keeps the words off
     * the facets column: it made ranking twice as slow. Facet tokens have a reserved prefix that
     * {@link FtsQuery} never lets through instead.
     */
    static String match(String text, StoryFilter f) {
        StringBuilder m = new StringBuilder("(").append(text).append(')');
        if (f.status() != null) {
            m.append(" AND ").append(SearchIndex.facetMatch("s", f.status().id()));
        }
        if (!f.lang().isEmpty()) {
            m.append(" AND ").append(SearchIndex.facetMatch("l", f.lang()));
        }
        if (!f.brand().isEmpty()) {
            m.append(" AND ").append(SearchIndex.facetMatch("b", f.brand()));
        }
        if (!f.tag().isEmpty()) {
            m.append(" AND ").append(SearchIndex.facetMatch("t", f.tag()));
        }
        return m.toString();
    }

    /**
     * The indexed words that start with {@code word}. FTS5 answers {@code "word"*} by merging the
     * postings of every such word, positions included, before it returns a single row, whatever the
     * LIMIT: 15 ms for a common word in 100,000 stories, 50 ms for a prefix shared by a thousand
     * rare words. The same words ORed are read lazily. When more than {@link #MAX_EXPANSION} words
     * share the prefix (the user is still typing), the most frequent ones stand for it. fts5vocab
     * lists the index's words; it lives in the temp schema, so read-only connections can create it.
     */
    private static Optional<List<String>> expand(Connection c, String word) {
        String folded = fold(word);
        try {
            Db.exec(c, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.story_vocab USING fts5vocab(main, story_fts, 'row')");
            List<String> words = new ArrayList<>();
            List<Integer> docs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT term, doc FROM temp.story_vocab WHERE term >= ? AND term < ? LIMIT " + MAX_SCANNED)) {
                ps.setString(1, folded);
                ps.setString(2, folded + "\uFFFF");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        words.add(rs.getString(1));
                        docs.add(rs.getInt(2));
                    }
                }
            }
            if (words.isEmpty()) {
                // The tokenizer folded the word differently from us: let FTS5 do the prefix itself.
                return Optional.empty();
            }
            if (words.size() <= MAX_EXPANSION) {
                return Optional.of(words);
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                order.add(i);
            }
            order.sort((x, y) -> Integer.compare(docs.get(y), docs.get(x)));
            return Optional.of(order.subList(0, MAX_EXPANSION).stream().map(words::get).toList());
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** As the unicode61 tokenizer with remove_diacritics 2 folds a word: lower case, no accents. */
    static String fold(String word) {
        String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return COMBINING.matcher(decomposed).replaceAll("");
    }

    /**
     * The smallest rowid among the newest {@code window} matches (0 when fewer match). Walking the
     * postings in rowid order is cheap; it is the ranking that costs.
     */
    private static long windowFloor(Connection c, String match, int window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM story_fts WHERE story_fts MATCH ? "
                + "ORDER BY rowid DESC LIMIT 1 OFFSET ?")) {
            ps.setString(1, match);
            ps.setInt(2, window - 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }
}
