package org.cristal.library.audience;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What the contacts screen offers to filter on: the tags, languages and cities in use, most common first.
 * Read in one go when the screen opens or after a change, not on each keystroke.
 */
public record ContactFacets(List<String> tags, List<String> langs, List<String> cities) {
    public static final ContactFacets EMPTY = new ContactFacets(List.of(), List.of(), List.of());

    public ContactFacets {
        tags = List.copyOf(tags);
        langs = List.copyOf(langs);
        cities = List.copyOf(cities);
    }

    public static ContactFacets of(Audience audience) {
        List<String> tags = new ArrayList<>(audience.contacts().tags().keySet());
        return audience.db().read(c -> new ContactFacets(tags,
                column(c, "SELECT lang FROM contacts WHERE lang <> '' GROUP BY lang COLLATE NOCASE "
                        + "ORDER BY count(*) DESC, lang LIMIT 50"),
                column(c, "SELECT city FROM contacts WHERE city <> '' GROUP BY city COLLATE NOCASE "
                        + "ORDER BY count(*) DESC, city LIMIT 500")));
    }

    private static List<String> column(java.sql.Connection c, String sql) throws java.sql.SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
