package org.cristal.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        Optional<String> text = FtsQuery.build(query.text(), query.prefix());
        if (text.isEmpty()) {
            return List.of();
        }
        String match = match(text.get(), query.filter());
        int window = Math.max(rankingWindow, query.filter().offset() + query.limit());
        // ORDER BY rank lets FTS5 sort inside the virtual table, so snippet() runs only for the rows
        // that come out of the LIMIT, not for every match.
        StringBuilder sql = new StringBuilder("SELECT ").append(Filters.SUMMARY_COLUMNS)
                .append(", snippet(story_fts, 2, ?, ?, '…', ").append(SNIPPET_TOKENS).append("), story_fts.rank")
                // CROSS JOIN pins the index as the outer loop. Given a plain JOIN and a filter on an
                // indexed column, SQLite may walk the stories and run one FTS5 lookup per story: seconds.
                .append(" FROM story_fts CROSS JOIN stories s ON s.doc = story_fts.rowid")
                .append(" WHERE story_fts MATCH ? AND story_fts.rowid >= ?");
        List<Object> params = new ArrayList<>();
        params.add(query.open());
        params.add(query.close());
        params.add(match);
        params.add(0L);
        // Checked again on the table: the facet words fold accents and case, the filters do not.
        Filters.where(query.filter(), sql, params);
        sql.append(" ORDER BY story_fts.rank LIMIT ? OFFSET ?");
        params.add(query.limit());
        params.add(query.filter().offset());
        return db.read(c -> {
            params.set(3, windowFloor(c, match, window));
            List<SearchHit> hits = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Filters.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StorySummary s = Filters.summary(rs, 1);
                        hits.add(new SearchHit(s, rs.getString(Filters.SUMMARY_COLUMN_COUNT + 1),
                                rs.getDouble(Filters.SUMMARY_COLUMN_COUNT + 2)));
                    }
                }
            }
            return hits;
        });
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
