package org.cristal.library.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cristal.library.Db;

/**
 * The dashboard's read model (ADR 0028): a story's results by channel, by publication and by day; a
 * channel's stories ranked with how sure the ranking is; and week by week what went out and came back. Each
 * is a handful of queries on the results' tables, joined to stories by {@code campaign = stories.web_slug}
 * at read time.
 *
 * <p>Two analytics tools may have counted the same visits (Plausible and GA4 on one site): for one day and
 * one set of tags the figures of the tool that counted most visitors are kept, never the sum.
 */
public final class Dashboards {
    private static final String REACTION_METRICS = Counts.REACTIONS.stream().sorted().map(m -> "'" + m + "'")
            .reduce((a, b) -> a + ", " + b).orElseThrow();
    private final Db db;

    public Dashboards(Db db) {
        this.db = db;
    }

    /** The story's dashboard, days counted in {@code zone}; empty when there is no such story. */
    public Optional<StoryResults> story(String storyId, ZoneId zone) {
        return db.read(c -> {
            String title;
            String slug;
            try (PreparedStatement ps = c.prepareStatement("SELECT title, web_slug FROM stories WHERE id = ?")) {
                ps.setString(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    title = rs.getString(1);
                    slug = rs.getString(2).toLowerCase(Locale.ROOT);
                }
            }
            List<PublicationFigures> pubs = publications(c, storyId);
            TreeMap<LocalDate, long[]> days = new TreeMap<>();
            reactionsByDay(c, storyId, zone, days);
            Map<String, long[]> webBySource = new HashMap<>();
            // A story saved before web addresses were kept has none: no analytics line is its own.
            for (WebLine w : slug.isEmpty() ? List.<WebLine>of() : web(c, "campaign = ?", slug)) {
                long[] d = days.computeIfAbsent(w.day(), k -> new long[3]);
                d[1] += w.visitors();
                d[2] += w.conversions();
                long[] s = webBySource.computeIfAbsent(w.source(), k -> new long[2]);
                s[0] += w.visitors();
                s[1] += w.conversions();
            }
            for (PublicationFigures p : pubs) {
                days.computeIfAbsent(p.publishedAt().atZone(zone).toLocalDate(), k -> new long[3]);
            }
            List<ChannelFigures> channels = channels(pubs, webBySource);
            return Optional.of(new StoryResults(storyId, title, slug, channels, total(channels), pubs,
                    series(days)));
        });
    }

    /** Every channel something went out on or came back from, in alphabetical order. */
    public List<String> channels() {
        return db.read(c -> {
            TreeSet<String> out = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT plugin FROM outbox WHERE state = 'SENT'");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Counts.channelOf(rs.getString(1)));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT w.source FROM web_results w "
                    + "JOIN stories s ON s.web_slug = w.campaign WHERE w.campaign <> ''");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return List.copyOf(out);
        });
    }

    /** The stories that went out or brought visitors on {@code channel}, best first (see {@link ChannelResults}). */
    public ChannelResults channel(String channel) {
        return db.read(c -> {
            Map<String, String> titles = new HashMap<>();
            Map<String, long[]> byStory = new LinkedHashMap<>();
            Map<Long, String> entryStory = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT o.id, o.story_id, o.plugin, s.title FROM outbox o "
                    + "LEFT JOIN stories s ON s.id = o.story_id WHERE o.state = 'SENT'");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (Counts.channelOf(rs.getString(3)).equals(channel)) {
                        String story = rs.getString(2);
                        entryStory.put(rs.getLong(1), story);
                        titles.putIfAbsent(story, rs.getString(4) == null ? story : rs.getString(4));
                        // publications, reach, reach known, reactions, visitors, conversions
                        byStory.computeIfAbsent(story, k -> new long[6])[0]++;
                    }
                }
            }
            for (Map.Entry<Long, Map<String, Long>> e : latestCounts(c, "", null).entrySet()) {
                String story = entryStory.get(e.getKey());
                if (story != null) {
                    long[] f = byStory.get(story);
                    long reach = Counts.reach(e.getValue());
                    if (reach >= 0) {
                        f[1] += reach;
                        f[2] = 1;
                    }
                    f[3] += Counts.reactions(e.getValue());
                }
            }
            Map<String, String> slugStory = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, lower(web_slug) FROM stories "
                    + "WHERE web_slug <> '' AND web_slug IN (SELECT DISTINCT campaign FROM web_results WHERE source = ?)")) {
                ps.setString(1, channel);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        slugStory.put(rs.getString(3), rs.getString(1));
                        titles.putIfAbsent(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (WebLine w : web(c, "source = ?", channel)) {
                String story = slugStory.get(w.campaign());
                if (story != null) {
                    long[] f = byStory.computeIfAbsent(story, k -> new long[6]);
                    f[4] += w.visitors();
                    f[5] += w.conversions();
                }
            }
            List<StoryRank> unplaced = new ArrayList<>();
            List<StoryRank> placed = new ArrayList<>();
            byStory.forEach((story, f) -> {
                ChannelFigures figures = new ChannelFigures(channel, (int) f[0], f[2] == 1 ? f[1] : -1, f[3], f[4],
                        f[5]);
                (figures.conversionRate().tooFew() ? unplaced : placed).add(new StoryRank(0, story,
                        titles.get(story), figures));
            });
            placed.sort(Comparator.comparingDouble((StoryRank r) -> r.conversionRate().low()).reversed()
                    .thenComparing(Comparator.comparingLong((StoryRank r) -> r.figures().visitors()).reversed())
                    .thenComparing(StoryRank::title));
            unplaced.sort(Comparator.comparingLong((StoryRank r) -> r.figures().cameBack()).reversed()
                    .thenComparing(StoryRank::title));
            List<StoryRank> out = new ArrayList<>();
            for (int i = 0; i < placed.size(); i++) {
                StoryRank r = placed.get(i);
                out.add(new StoryRank(i + 1, r.storyId(), r.title(), r.figures()));
            }
            out.addAll(unplaced);
            return new ChannelResults(channel, out);
        });
    }

    /**
     * The {@code count} weeks (Monday to Sunday, in {@code zone}) up to the one holding {@code until}, newest
     * first, each with what went out and what came back.
     */
    public List<WeekResults> weeks(ZoneId zone, LocalDate until, int count) {
        LocalDate last = until.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        LocalDate first = last.minusWeeks(Math.max(1, count) - 1L);
        LocalDate end = last.plusWeeks(1);
        long from = first.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = end.atStartOfDay(zone).toInstant().toEpochMilli();
        return db.read(c -> {
            TreeMap<LocalDate, List<WeekResults.WentOut>> out = new TreeMap<>();
            TreeMap<LocalDate, long[]> back = new TreeMap<>();
            for (LocalDate w = first; w.isBefore(end); w = w.plusWeeks(1)) {
                out.put(w, new ArrayList<>());
                back.put(w, new long[3]);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT o.id, o.story_id, coalesce(s.title, o.story_id), "
                    + "o.plugin, o.published_at FROM outbox o LEFT JOIN stories s ON s.id = o.story_id "
                    + "WHERE o.state = 'SENT' AND o.published_at >= ? AND o.published_at < ? ORDER BY o.published_at")) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant at = Instant.ofEpochMilli(rs.getLong(5));
                        out.get(monday(at.atZone(zone).toLocalDate())).add(new WeekResults.WentOut(rs.getLong(1),
                                rs.getString(2), rs.getString(3), Counts.channelOf(rs.getString(4)), at));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT at, value - coalesce(lag(value) OVER (PARTITION BY "
                    + "entry, metric ORDER BY at), 0) FROM publication_counts WHERE metric IN (" + REACTION_METRICS
                    + ") AND at < ?")) {
                ps.setLong(1, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(1) >= from) {
                            LocalDate day = Instant.ofEpochMilli(rs.getLong(1)).atZone(zone).toLocalDate();
                            back.get(monday(day))[0] += rs.getLong(2);
                        }
                    }
                }
            }
            for (WebLine w : web(c, "day >= ? AND day < ? AND campaign IN (SELECT web_slug FROM stories WHERE web_slug <> '')",
                    first.toString(), end.toString())) {
                long[] b = back.get(monday(w.day()));
                b[1] += w.visitors();
                b[2] += w.conversions();
            }
            List<WeekResults> weeks = new ArrayList<>();
            for (LocalDate w : out.descendingKeySet()) {
                long[] b = back.get(w);
                weeks.add(new WeekResults(w, out.get(w), b[0], b[1], b[2]));
            }
            return weeks;
        });
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    private static List<PublicationFigures> publications(Connection c, String storyId) throws SQLException {
        Map<Long, Map<String, Long>> counts = latestCounts(c, "AND o.story_id = ?", storyId);
        Map<Long, FetchState> fetches = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.entry, f.status, f.fetched_at, f.next_at, f.message "
                + "FROM result_fetches f JOIN outbox o ON o.id = f.entry WHERE o.story_id = ?")) {
            ps.setString(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long fetched = rs.getLong(3);
                    Instant fetchedAt = rs.wasNull() ? null : Instant.ofEpochMilli(fetched);
                    fetches.put(rs.getLong(1), new FetchState(rs.getLong(1), FetchState.Status.of(rs.getString(2)),
                            fetchedAt, Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5)));
                }
            }
        }
        List<PublicationFigures> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, plugin, channel, target, account, url, published_at "
                + "FROM outbox WHERE story_id = ? AND state = 'SENT' AND target NOT LIKE '"
                + org.cristal.library.OutboxEntry.SCENARIO_TARGET + "%' "
                // A scenario's steps to single contacts count in the channel's figures but are no publications
                // of their own: a list (and a galaxy) of one row per contact would hide the posts.
                + "ORDER BY published_at, id")) {
            ps.setString(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String target = rs.getString(4).isBlank() ? rs.getString(5) : rs.getString(4);
                    out.add(new PublicationFigures(id, Counts.channelOf(rs.getString(2)), rs.getString(2),
                            rs.getString(3), target, rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
                            counts.getOrDefault(id, Map.of()), Optional.ofNullable(fetches.get(id))));
                }
            }
        }
        return out;
    }

    /** The latest value of every count of the sent entries matching {@code where} (on outbox {@code o}). */
    private static Map<Long, Map<String, Long>> latestCounts(Connection c, String where, String arg)
            throws SQLException {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        // The rows come oldest first, so the last one put for an entry and a metric is its latest value.
        try (PreparedStatement ps = c.prepareStatement("SELECT p.entry, p.metric, p.value FROM publication_counts p "
                + "JOIN outbox o ON o.id = p.entry WHERE o.state = 'SENT' " + where + " ORDER BY p.entry, p.metric, p.at")) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        return out;
    }

    /** Adds each day's reactions gained, from the changes of the story's reaction counts, into {@code days}. */
    private static void reactionsByDay(Connection c, String storyId, ZoneId zone, Map<LocalDate, long[]> days)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.at, p.value - coalesce(lag(p.value) OVER (PARTITION "
                + "BY p.entry, p.metric ORDER BY p.at), 0) FROM publication_counts p JOIN outbox o ON o.id = p.entry "
                + "WHERE o.story_id = ? AND o.state = 'SENT' AND p.metric IN (" + REACTION_METRICS + ")")) {
            ps.setString(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = Instant.ofEpochMilli(rs.getLong(1)).atZone(zone).toLocalDate();
                    days.computeIfAbsent(day, k -> new long[3])[0] += rs.getLong(2);
                }
            }
        }
    }

    private record WebLine(LocalDate day, String campaign, String source, long visitors, long conversions) {
    }

    /** The analytics lines matching {@code where}, one per day and tag set (see the class comment on tools). */
    private static List<WebLine> web(Connection c, String where, String... args) throws SQLException {
        Map<List<String>, long[]> best = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT day, campaign, source, medium, content, visitors, "
                + "conversions FROM web_results WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> key = List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5));
                    long[] now = best.get(key);
                    if (now == null || rs.getLong(6) > now[0]) {
                        best.put(key, new long[] {rs.getLong(6), rs.getLong(7)});
                    }
                }
            }
        }
        List<WebLine> out = new ArrayList<>(best.size());
        best.forEach((k, v) -> out.add(new WebLine(LocalDate.parse(k.get(0)), k.get(1), k.get(2), v[0], v[1])));
        return out;
    }

    private static List<ChannelFigures> channels(List<PublicationFigures> pubs, Map<String, long[]> webBySource) {
        Map<String, long[]> by = new TreeMap<>();
        for (PublicationFigures p : pubs) {
            // publications, reach, reach known, reactions, visitors, conversions
            long[] f = by.computeIfAbsent(p.channel(), k -> new long[6]);
            f[0]++;
            if (p.reach() >= 0) {
                f[1] += p.reach();
                f[2] = 1;
            }
            f[3] += p.reactions();
        }
        webBySource.forEach((source, v) -> {
            long[] f = by.computeIfAbsent(source, k -> new long[6]);
            f[4] += v[0];
            f[5] += v[1];
        });
        List<ChannelFigures> out = new ArrayList<>();
        by.forEach((ch, f) -> out.add(new ChannelFigures(ch, (int) f[0], f[2] == 1 ? f[1] : -1, f[3], f[4], f[5])));
        out.sort(Comparator.comparingLong(ChannelFigures::cameBack).reversed().thenComparing(ChannelFigures::channel));
        return out;
    }

    private static ChannelFigures total(List<ChannelFigures> channels) {
        int pubs = 0;
        long reach = -1;
        long reactions = 0;
        long visitors = 0;
        long conversions = 0;
        for (ChannelFigures f : channels) {
            pubs += f.publications();
            if (f.reach() >= 0) {
                reach = Math.max(reach, 0) + f.reach();
            }
            reactions += f.reactions();
            visitors += f.visitors();
            conversions += f.conversions();
        }
        return new ChannelFigures(ChannelFigures.TOTAL, pubs, reach, reactions, visitors, conversions);
    }

    /** Every day from the first to the last with a figure; the days between with zeros, so a curve has no jumps. */
    private static List<DayFigures> series(TreeMap<LocalDate, long[]> days) {
        List<DayFigures> out = new ArrayList<>();
        if (days.isEmpty()) {
            return out;
        }
        for (LocalDate d = days.firstKey(); !d.isAfter(days.lastKey()); d = d.plusDays(1)) {
            long[] f = days.getOrDefault(d, new long[3]);
            out.add(new DayFigures(d, f[0], f[1], f[2]));
        }
        return out;
    }
}
