package org.cristal.library;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.cristal.story.Status;

/** SQL shared by listing and searching: the filter conditions and reading a {@link StorySummary}. */
final class Filters {
    /** Columns read by {@link #summary}, on the stories table aliased {@code s}. */
    static final String SUMMARY_COLUMNS = "s.id, s.title, s.summary, s.status, s.lang, s.brand, "
            + "(SELECT group_concat(t.tag, char(31) ORDER BY t.position) FROM story_tags t WHERE t.story_id = s.id), "
            + "s.revision, s.updated_at";
    static final int SUMMARY_COLUMN_COUNT = 9;

    private Filters() {
    }

    /** Appends " AND …" conditions for the filter on {@code s}, adding their values to {@code params}. */
    static void where(StoryFilter f, StringBuilder sql, List<Object> params) {
        if (f.status() != null) {
            sql.append(" AND s.status = ?");
            params.add(f.status().id());
        } else if (f.active()) {
            sql.append(" AND s.status <> ?");
            params.add(Status.ARCHIVED.id());
        }
        if (!f.brand().isEmpty()) {
            sql.append(" AND s.brand = ?");
            params.add(f.brand());
        }
        if (!f.lang().isEmpty()) {
            sql.append(" AND s.lang = ?");
            params.add(f.lang());
        }
        if (!f.tag().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM story_tags t WHERE t.story_id = s.id AND t.tag = ?)");
            params.add(f.tag());
        }
    }

    static void limit(StoryFilter f, StringBuilder sql, List<Object> params) {
        if (f.limit() > 0) {
            sql.append(" LIMIT ? OFFSET ?");
            params.add(f.limit());
            params.add(f.offset());
        }
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    /** Reads the summary columns starting at column {@code first}. */
    static StorySummary summary(ResultSet rs, int first) throws SQLException {
        String tags = rs.getString(first + 6);
        List<String> tagList = tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\u001f"));
        return new StorySummary(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                Status.fromId(rs.getString(first + 3)).orElse(Status.DRAFT), rs.getString(first + 4),
                rs.getString(first + 5), tagList, rs.getInt(first + 7), Instant.ofEpochMilli(rs.getLong(first + 8)));
    }
}
