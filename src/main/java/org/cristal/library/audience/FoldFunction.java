package org.cristal.library.audience;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * {@code cristal_fold(text)} in SQL: {@link Folding#fold}, so that a segment compares a contact's city or tag
 * without regard to case or accents the way the contacts search does. SQLite's own {@code lower()} knows only
 * ASCII. Installed on every connection of a workspace; nothing stored in the file depends on it, so other
 * SQLite tools still read the file.
 */
public final class FoldFunction extends Function {
    public static final String NAME = "cristal_fold";

    /** Makes {@code cristal_fold} available on {@code c}. */
    public static void install(Connection c) throws SQLException {
        Function.create(c, NAME, new FoldFunction(), 1, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        String s = value_text(0);
        if (s == null) {
            result();
        } else {
            result(Folding.fold(s));
        }
    }
}
