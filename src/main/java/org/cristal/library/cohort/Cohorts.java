package org.cristal.library.cohort;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cristal.library.Db;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ContactTokens;

/**
 * The cohort read model (docs/one-to-one.md, "Cohorts"; ADR 0034): contacts grouped by the week or month they
 * joined or first consented, each group followed period by period. One read of the workspace, in a few plain
 * scans (contacts, sent deliveries, the e-mail marketing ledger, token-tagged analytics) counted in arrays:
 * no query per contact or per cell, so 100,000 contacts with 500,000 deliveries stay interactive.
 */
public final class Cohorts {
    /** Following periods shown when the user does not say. */
    public static final int DEFAULT_PERIODS = 12;
    /** At most this many following periods (ten years of months). */
    public static final int MAX_PERIODS = 120;
    private static final String[] CHANNELS = {"email", "postal", "sms"};

    private final Db db;
    private final Clock clock;
    private final Audience audience;

    public Cohorts(Db db, Clock clock, Audience audience) {
        this.db = db;
        this.clock = clock;
        this.audience = audience;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The cohorts by {@code by} from {@code from}, each followed over periods 0 to {@code periods}; weeks and
     * months are cut in {@code zone}.
     */
    public CohortTable table(CohortPeriod by, CohortStart from, int periods, ZoneId zone) {
        if (periods < 0 || periods > MAX_PERIODS) {
            throw new IllegalArgumentException("periods out of range: " + periods);
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        ContactTokens tokens = audience.tokens();
        return db.read(c -> new Reading(c, by, from, periods, zone, now, tokens).table(today));
    }

    /** One reading: the members sorted by id, the cut of time, the counters. */
    private static final class Reading {
        private final Connection c;
        private final CohortPeriod by;
        private final CohortStart from;
        private final int periods;
        private final ZoneId zone;
        private final long now;
        private final ContactTokens tokens;
        private long[] ids = new long[0];
        /** The period index each member's cohort starts at, beside {@link #ids}. */
        private int[] cohortOf = new int[0];
        private LocalDate[] starts = new LocalDate[0];
        /** Epoch milliseconds of each period's start; one more for the end of the period under way. */
        private long[] bounds = new long[0];
        private int outside;

        Reading(Connection c, CohortPeriod by, CohortStart from, int periods, ZoneId zone, Instant now,
                ContactTokens tokens) {
            this.c = c;
            this.by = by;
            this.from = from;
            this.periods = periods;
            this.zone = zone;
            this.now = now.toEpochMilli();
            this.tokens = tokens;
        }

        CohortTable table(LocalDate today) throws SQLException {
            boolean imported = exists("SELECT EXISTS (SELECT 1 FROM web_results)");
            members(today);
            int cohorts = starts.length;
            int[] size = new int[cohorts];
            for (int co : cohortOf) {
                size[co]++;
            }
            long[][][] sent = new long[cohorts][][];
            int[][] consent = new int[cohorts][];
            long[][][] web = new long[cohorts][][];
            for (int co = 0; co < cohorts; co++) {
                if (size[co] > 0) {
                    int n = lastPeriod(co) + 1;
                    sent[co] = new long[n][3];
                    consent[co] = new int[n];
                    web[co] = new long[n][2];
                }
            }
            deliveries(sent);
            consents(consent);
            boolean tokens = imported && web(web);
            List<Cohort> out = new ArrayList<>();
            for (int co = 0; co < cohorts; co++) {
                if (size[co] == 0) {
                    continue;
                }
                List<CohortCell> cells = new ArrayList<>();
                int consenting = 0;
                for (int k = 0; k < consent[co].length; k++) {
                    consenting += consent[co][k];
                    long[] s = sent[co][k];
                    cells.add(new CohortCell(k, starts[co + k], co + k == starts.length - 1, s[0], s[1], s[2],
                            consenting, web[co][k][0], web[co][k][1]));
                }
                out.add(new Cohort(starts[co], size[co], cells));
            }
            return new CohortTable(by, from, periods, zone, today, out, outside, imported, tokens);
        }

        /** The last following period of cohort {@code co} that has begun, within the periods asked for. */
        private int lastPeriod(int co) {
            return Math.min(periods, starts.length - 1 - co);
        }

        /** Reads each member's start, then cuts time from the first cohort's period to the one under way. */
        private void members(LocalDate today) throws SQLException {
            String sql = from == CohortStart.JOINED ? "SELECT id, created_at FROM contacts ORDER BY id"
                    : "SELECT c.id, (SELECT min(k.at) FROM consents k WHERE k.contact = c.id AND k.purpose = 'marketing' "
                            + "AND k.granted = 1) FROM contacts c ORDER BY c.id";
            long[] id = new long[1024];
            long[] at = new long[1024];
            int n = 0;
            long first = now;
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long t = rs.getLong(2);
                    if (rs.wasNull()) {
                        outside++;
                        continue;
                    }
                    if (n == id.length) {
                        id = Arrays.copyOf(id, n * 2);
                        at = Arrays.copyOf(at, n * 2);
                    }
                    id[n] = rs.getLong(1);
                    // A start in the future (a clock set wrong) counts as now: it is no cohort yet to come.
                    at[n] = Math.min(t, now);
                    first = Math.min(first, at[n]);
                    n++;
                }
            }
            ids = Arrays.copyOf(id, n);
            List<LocalDate> cut = new ArrayList<>();
            LocalDate current = by.start(today);
            for (LocalDate d = by.start(Instant.ofEpochMilli(first).atZone(zone).toLocalDate()); !d.isAfter(current);
                    d = by.next(d)) {
                cut.add(d);
            }
            starts = cut.toArray(new LocalDate[0]);
            bounds = new long[starts.length + 1];
            for (int i = 0; i < starts.length; i++) {
                bounds[i] = starts[i].atStartOfDay(zone).toInstant().toEpochMilli();
            }
            bounds[starts.length] = by.next(current).atStartOfDay(zone).toInstant().toEpochMilli();
            cohortOf = new int[n];
            for (int i = 0; i < n; i++) {
                cohortOf[i] = Math.max(0, period(at[i]));
            }
        }

        /** The period holding {@code millis}: -1 before the first, {@code starts.length} after the one under way. */
        private int period(long millis) {
            int i = Arrays.binarySearch(bounds, millis);
            return i >= 0 ? i : -i - 2;
        }

        private int member(long contact) {
            return Arrays.binarySearch(ids, contact);
        }

        /**
         * Messages sent, by channel. A message to an erased contact (contact null) belongs to nobody; one sent
         * before the member's cohort began (a service message before the first consent) is in no period.
         */
        private void deliveries(long[][][] sent) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT contact, channel, at FROM deliveries "
                    + "WHERE outcome = 'sent' AND contact IS NOT NULL");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int m = member(rs.getLong(1));
                    if (m < 0) {
                        continue;
                    }
                    int co = cohortOf[m];
                    int k = period(rs.getLong(3)) - co;
                    int ch = channel(rs.getString(2));
                    if (k >= 0 && k < sent[co].length && ch >= 0) {
                        sent[co][k][ch]++;
                    }
                }
            }
        }

        private static int channel(String id) {
            for (int i = 0; i < CHANNELS.length; i++) {
                if (CHANNELS[i].equals(id)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Who still consents to marketing e-mail at the end of each period, as changes per period: +1 where a
         * member's state turns to granted, -1 where it turns to withdrawn; the running sum is the count. A
         * row dated before the cohort began (an imported opt-in) sets the state the member starts with.
         */
        private void consents(int[][] changes) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT contact, granted, at FROM consents "
                    + "WHERE channel = 'email' AND purpose = 'marketing' ORDER BY contact, at, id");
                    ResultSet rs = ps.executeQuery()) {
                long contact = Long.MIN_VALUE;
                int m = -1;
                boolean granted = false;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (id != contact) {
                        contact = id;
                        m = member(id);
                        granted = false;
                    }
                    if (m < 0) {
                        continue;
                    }
                    int co = cohortOf[m];
                    int k = Math.max(0, period(rs.getLong(3)) - co);
                    boolean g = rs.getInt(2) == 1;
                    if (k < changes[co].length && g != granted) {
                        changes[co][k] += g ? 1 : -1;
                        granted = g;
                    }
                }
            }
        }

        /**
         * Visits and conversions of the imported lines whose {@code utm_content} is a member's token. Two tools
         * counting the same day and tags count the same visits: the larger figure is kept, as the dashboards
         * do. Returns whether any line belonged to a member.
         */
        private boolean web(long[][][] web) throws SQLException {
            Map<String, long[]> byDayToken = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, content, max(visitors), max(conversions) "
                    + "FROM web_results WHERE length(content) = 10 GROUP BY day, campaign, source, medium, content");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (ContactTokens.looksLikeToken(rs.getString(2))) {
                        long[] v = byDayToken.computeIfAbsent(rs.getString(1) + " " + rs.getString(2), k -> new long[2]);
                        v[0] += rs.getLong(3);
                        v[1] += rs.getLong(4);
                    }
                }
            }
            if (byDayToken.isEmpty()) {
                return false;
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            byDayToken.keySet().forEach(k -> seen.add(k.substring(k.indexOf(' ') + 1)));
            Map<String, Long> owner = tokens.owners(Arrays.stream(ids).boxed().toList(), seen);
            boolean any = false;
            for (Map.Entry<String, long[]> e : byDayToken.entrySet()) {
                String key = e.getKey();
                Long contact = owner.get(key.substring(key.indexOf(' ') + 1));
                if (contact == null) {
                    continue;
                }
                int m = member(contact);
                any = true;
                LocalDate day = LocalDate.parse(key.substring(0, key.indexOf(' ')));
                int co = cohortOf[m];
                int k = period(day.atStartOfDay(zone).toInstant().toEpochMilli()) - co;
                if (k >= 0 && k < web[co].length) {
                    web[co][k][0] += e.getValue()[0];
                    web[co][k][1] += e.getValue()[1];
                }
            }
            return any;
        }

        private boolean exists(String sql) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }
}
