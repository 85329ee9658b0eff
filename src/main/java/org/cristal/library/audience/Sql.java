package org.cristal.library.audience;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A condition over the contacts table (alias {@code c}) with its parameters, as a segment compiles to:
 * {@code c.city = ? AND EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact = c.id AND t.tag = ?)}.
 *
 * @param where  SQL for a WHERE clause, with {@code ?} placeholders
 * @param params their values, in order (String, Long, Integer)
 */
public record Sql(String where, List<Object> params) {
    /** Every contact. */
    public static final Sql ALL = new Sql("1", List.of());

    public Sql {
        params = List.copyOf(params);
    }

    /** Binds the parameters from position {@code first} on; returns the next free position. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
