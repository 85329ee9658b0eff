package org.cristal.library.audience;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The contacts' folded search text in memory, in the contacts list's order (last name, first name, address),
 * for search as you type at 100,000 contacts: scanning one long string in Java is several times faster than
 * SQLite reading every row's text, and the order needs no sort. Rebuilt when the contacts' version in
 * {@code meta} (kept by triggers, schema step 5) moved, whoever wrote.
 */
final class ContactIndex {
    static final String VERSION_KEY = "audience.contacts.version";
    private static final char END = '\u0000';

    private final long version;
    private final long[] ids;
    private final int[] starts;
    private final String all;

    private ContactIndex(long version, long[] ids, int[] starts, String all) {
        this.version = version;
        this.ids = ids;
        this.starts = starts;
        this.all = all;
    }

    /**
     * The contacts' version now; -1 for a file without one (the index is then not used). The stored
     * version counts deletes and changes; inserts show in the highest id and the count (an id reused after
     * a delete comes after that delete's bump).
     */
    static long version(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT value FROM meta WHERE key = ?), "
                + "(SELECT coalesce(max(id), 0) FROM contacts), (SELECT count(*) FROM contacts)")) {
            ps.setString(1, VERSION_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return -1;
                }
                long v = Long.parseLong(rs.getString(1));
                long mixed = v * 0x9E3779B97F4A7C15L ^ rs.getLong(2) * 0xC2B2AE3D27D4EB4FL ^ rs.getLong(3);
                return mixed & Long.MAX_VALUE; // never -1
            }
        }
    }

    long version() {
        return version;
    }

    static ContactIndex load(Connection c, long version) throws SQLException {
        long[] ids = new long[1024];
        int[] starts = new int[1025];
        StringBuilder text = new StringBuilder(1 << 20);
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.folded FROM contacts c ORDER BY "
                + Contacts.ORDER); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                    starts = Arrays.copyOf(starts, n * 2 + 1);
                }
                ids[n] = rs.getLong(1);
                starts[n] = text.length();
                text.append(rs.getString(2).replace(END, ' ')).append(END);
                n++;
            }
        }
        starts[n] = text.length();
        return new ContactIndex(version, Arrays.copyOf(ids, n), Arrays.copyOf(starts, n + 1), text.toString());
    }

    int size() {
        return ids.length;
    }

    long id(int position) {
        return ids[position];
    }

    /** The positions (in list order) of the contacts whose text holds every one of {@code words}. */
    BitSet matching(String[] words) {
        BitSet out = new BitSet(ids.length);
        if (words.length == 0) {
            out.set(0, ids.length);
            return out;
        }
        // The longest word is likely the rarest: find it with indexOf over the whole text, then check the others
        // inside each record found.
        String first = words[0];
        for (String w : words) {
            if (w.length() > first.length()) {
                first = w;
            }
        }
        int from = 0;
        while (true) {
            int at = all.indexOf(first, from);
            if (at < 0) {
                return out;
            }
            int r = Arrays.binarySearch(starts, at);
            if (r < 0) {
                r = -r - 2;
            }
            if (hasAll(r, words)) {
                out.set(r);
            }
            from = starts[r + 1];
        }
    }

    private boolean hasAll(int r, String[] words) {
        if (words.length == 1) {
            return true;
        }
        String record = all.substring(starts[r], starts[r + 1] - 1);
        for (String w : words) {
            if (!record.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
