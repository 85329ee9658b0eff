package org.cristal.library;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Full-text search over titles, summaries, bodies and tags (FTS5), ranked by bm25 with the title
 * weighted highest, combined with the list filters. Accents and case are ignored.
 */
public final class Search {
    private static final int SNIPPET_TOKENS = 16;
    private final Db db;

    Search(Db db) {
        this.db = db;
    }

    /** Hits best first. Text without any searchable word returns no hits. */
    public List<SearchHit> find(SearchQuery query) {
        Optional<String> match = FtsQuery.build(query.text(), query.prefix());
        if (match.isEmpty()) {
            return List.of();
        }
        // ORDER BY rank lets FTS5 sort inside the virtual table, so snippet() runs only for the rows
        // that survive the filters and the LIMIT, not for every match.
        StringBuilder sql = new StringBuilder("SELECT ").append(Filters.SUMMARY_COLUMNS)
                .append(", snippet(story_fts, 2, ?, ?, '…', ").append(SNIPPET_TOKENS).append("), story_fts.rank")
                .append(" FROM story_fts JOIN stories s ON s.doc = story_fts.rowid WHERE story_fts MATCH ?");
        List<Object> params = new ArrayList<>();
        params.add(query.open());
        params.add(query.close());
        params.add(match.get());
        Filters.where(query.filter(), sql, params);
        sql.append(" ORDER BY story_fts.rank LIMIT ? OFFSET ?");
        params.add(query.limit());
        params.add(query.filter().offset());
        return db.read(c -> {
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
}
