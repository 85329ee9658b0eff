package org.cristal.library;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.story.Slugs;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;

/**
 * The stories of a workspace and their history. A story is its full Markdown text; every save that
 * changes the text appends a revision (1, 2, 3…), and history is never rewritten: restoring an old
 * version appends it again as the newest revision.
 */
public final class Stories {
    /** A story to save: an id (blank: from the front matter or the title), its text and a note. */
    public record Draft(String id, String source, String note) {
    }

    private static final int PARALLEL_BATCH = 64;
    private final Db db;
    private final Clock clock;

    Stories(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Saves a story under {@code id} (blank: the front matter's id or the title's slug). */
    public SaveResult save(String id, String source) throws StoryFormatException {
        return save(id, source, "");
    }

    public SaveResult save(String id, String source, String note) throws StoryFormatException {
        return saveAll(List.of(new Draft(id, source, note))).get(0);
    }

    /**
     * Saves many stories in one transaction: all of them or none. Every text is parsed before
     * anything is written, so a bad one fails the batch without touching the workspace.
     */
    public List<SaveResult> saveAll(List<Draft> drafts) throws StoryFormatException {
        List<Story> parsed = parseAll(drafts);
        // Compressed before taking the write lock, on every core for a large batch, like parsing.
        List<byte[]> packed = (drafts.size() < PARALLEL_BATCH ? drafts.stream() : drafts.parallelStream())
                .map(d -> RevisionText.pack(d.source())).toList();
        return db.write(c -> {
            long now = clock.millis();
            List<SaveResult> results = new ArrayList<>(drafts.size());
            try (Batch batch = new Batch(c)) {
                for (int i = 0; i < drafts.size(); i++) {
                    Draft d = drafts.get(i);
                    results.add(batch.save(parsed.get(i), d.source(), packed.get(i), d.note() == null ? "" : d.note(),
                            now));
                }
            }
            return results;
        });
    }

    /**
     * Parses outside the write lock, on every core for a large batch: YAML parsing costs more than
     * the SQLite inserts, and the writer is single-threaded anyway.
     */
    private static List<Story> parseAll(List<Draft> drafts) throws StoryFormatException {
        if (drafts.size() < PARALLEL_BATCH) {
            List<Story> parsed = new ArrayList<>(drafts.size());
            for (Draft d : drafts) {
                parsed.add(parse(d.id(), d.source()));
            }
            return parsed;
        }
        Object[] results = drafts.parallelStream().map(d -> {
            try {
                return (Object) parse(d.id(), d.source());
            } catch (StoryFormatException e) {
                return e;
            }
        }).toArray();
        List<Story> parsed = new ArrayList<>(results.length);
        for (Object r : results) {
            if (r instanceof StoryFormatException e) {
                throw e;
            }
            parsed.add((Story) r);
        }
        return parsed;
    }

    /** The id a text would be stored under, and the text parsed with it. */
    static Story parse(String id, String source) throws StoryFormatException {
        Story s = StoryParser.parse(id == null ? "" : id, source);
        String raw = id == null || id.isBlank() ? s.id() : id;
        return s.withId(Slugs.slug(raw));
    }

    public Optional<StoredStory> get(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT r.source, s.revision, s.created_at, s.updated_at FROM stories s "
                    + "JOIN revisions r ON r.story_id = s.id AND r.number = s.revision WHERE s.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredStory(id, RevisionText.read(rs, 1, id, rs.getInt(2)), rs.getInt(2),
                            Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
        });
    }

    public boolean exists(String id) {
        return get(id).isPresent();
    }

    /** Stories matching the filter, most recently updated first. */
    public List<StorySummary> list(StoryFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT ").append(Filters.SUMMARY_COLUMNS)
                .append(" FROM stories s WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        Filters.where(filter, sql, params);
        sql.append(" ORDER BY s.updated_at DESC, s.id");
        Filters.limit(filter, sql, params);
        return db.read(c -> {
            List<StorySummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Filters.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Filters.summary(rs, 1));
                    }
                }
            }
            return out;
        });
    }

    public List<StorySummary> list() {
        return list(StoryFilter.ALL);
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM stories");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** How many stories match the filter (its limit and offset aside): what a paged list shows in all. */
    public int count(StoryFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM stories s WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        Filters.where(filter, sql, params);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Filters.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /**
     * Where a story stands in {@link #list(StoryFilter)}'s order (0 first), or -1 if the filter leaves
     * it out: a paged list scrolls to it without reading the stories before it.
     */
    public int position(StoryFilter filter, String id) {
        StringBuilder match = new StringBuilder("SELECT s.updated_at FROM stories s WHERE s.id = ?");
        List<Object> matchParams = new ArrayList<>(List.of(id));
        Filters.where(filter, match, matchParams);
        StringBuilder before = new StringBuilder("SELECT count(*) FROM stories s WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        Filters.where(filter, before, params);
        before.append(" AND (s.updated_at > ? OR (s.updated_at = ? AND s.id < ?))");
        return db.read(c -> {
            long updated;
            try (PreparedStatement ps = c.prepareStatement(match.toString())) {
                Filters.bind(ps, matchParams);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return -1;
                    }
                    updated = rs.getLong(1);
                }
            }
            params.addAll(List.of(updated, updated, id));
            try (PreparedStatement ps = c.prepareStatement(before.toString())) {
                Filters.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : -1;
                }
            }
        });
    }

    /** Every tag a story carries, each once, in no particular order. */
    public List<String> tags() {
        return distinct("SELECT DISTINCT tag FROM story_tags");
    }

    /** Every language a story is written in, each once, in no particular order. */
    public List<String> langs() {
        return distinct("SELECT DISTINCT lang FROM stories");
    }

    private List<String> distinct(String sql) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Deletes a story with its whole history. Returns false if there was none. */
    public boolean delete(String id) {
        return db.write(c -> {
            Optional<Long> doc = docOf(c, id);
            if (doc.isEmpty()) {
                return false;
            }
            SearchIndex.remove(c, doc.get());
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM stories WHERE doc = ?")) {
                ps.setLong(1, doc.get());
                ps.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Keeps unsaved typing safe without making a revision: the studio calls this within a second of
     * the last keystroke. The next {@link #save} of the story clears it.
     */
    public void saveDraft(String id, String source) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO drafts(story_id, source, saved_at) "
                    + "SELECT id, ?, ? FROM stories WHERE id = ? "
                    + "ON CONFLICT(story_id) DO UPDATE SET source = excluded.source, saved_at = excluded.saved_at")) {
                ps.setString(1, source);
                ps.setLong(2, clock.millis());
                ps.setString(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The autosaved text of a story, if it differs from its newest revision. */
    public Optional<String> draft(String id) {
        return db.read(c -> {
            // Compared here, not in SQL: the revision is stored compressed (RevisionText).
            try (PreparedStatement ps = c.prepareStatement("SELECT d.source, r.source, s.revision FROM drafts d "
                    + "JOIN stories s ON s.id = d.story_id "
                    + "JOIN revisions r ON r.story_id = s.id AND r.number = s.revision WHERE d.story_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(1).equals(RevisionText.read(rs, 2, id, rs.getInt(3)))) {
                        return Optional.<String>empty();
                    }
                    return Optional.of(rs.getString(1));
                }
            }
        });
    }

    /**
     * The story's autosaved typing when no revision holds it yet. A draft that does not read as a story
     * (half-typed front matter) is left out, as the studio leaves it out when it opens the story.
     */
    public Optional<AutosavedDraft> newerDraft(String id) {
        return newerDrafts(id).stream().findFirst();
    }

    /** Every story's autosaved typing that no revision holds yet, by story id. */
    public Map<String, AutosavedDraft> newerDrafts() {
        Map<String, AutosavedDraft> out = new LinkedHashMap<>();
        for (AutosavedDraft d : newerDrafts(null)) {
            out.put(d.storyId(), d);
        }
        return out;
    }

    private List<AutosavedDraft> newerDrafts(String id) {
        List<AutosavedDraft> found = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.story_id, d.source, s.revision, d.saved_at, r.source "
                    + "FROM drafts d JOIN stories s ON s.id = d.story_id "
                    + "JOIN revisions r ON r.story_id = s.id AND r.number = s.revision "
                    + "WHERE (? IS NULL OR d.story_id = ?) ORDER BY d.story_id")) {
                ps.setString(1, id);
                ps.setString(2, id);
                List<AutosavedDraft> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(2).equals(RevisionText.read(rs, 5, rs.getString(1), rs.getInt(3)))) {
                            continue;
                        }
                        rows.add(new AutosavedDraft(rs.getString(1), rs.getString(2), rs.getInt(3),
                                Instant.ofEpochMilli(rs.getLong(4))));
                    }
                }
                return rows;
            }
        });
        found.removeIf(d -> !readable(d));
        return found;
    }

    private static boolean readable(AutosavedDraft d) {
        try {
            StoryParser.parse(d.storyId(), d.source());
            return true;
        } catch (StoryFormatException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Moves a story and its whole history to the trash, from where {@link #untrash} brings it back
     * intact. Returns false if there was no such story.
     */
    public boolean trash(String id) {
        return db.write(c -> {
            Optional<Long> doc = docOf(c, id);
            if (doc.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trash(story_id, deleted_at, number, source, "
                    + "title, saved_at, note) SELECT story_id, ?, number, source, title, saved_at, note "
                    + "FROM revisions WHERE story_id = ?")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, id);
                ps.executeUpdate();
            }
            SearchIndex.remove(c, doc.get());
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM stories WHERE doc = ?")) {
                ps.setLong(1, doc.get());
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** What the trash holds, most recently deleted first. */
    public List<TrashedStory> trashed() {
        return db.read(c -> {
            List<TrashedStory> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.story_id, t.title, t.number, t.deleted_at FROM trash t "
                    + "WHERE t.number = (SELECT max(number) FROM trash u WHERE u.story_id = t.story_id "
                    + "AND u.deleted_at = t.deleted_at) ORDER BY t.deleted_at DESC, t.story_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TrashedStory(rs.getString(1), rs.getString(2), rs.getInt(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        });
    }

    /**
     * Brings a trashed story back with every revision, numbers and dates as they were. If its id has
     * been reused meanwhile, it comes back under a new id. Returns the id it now has.
     */
    public String untrash(TrashedStory trashed) throws StoryFormatException {
        List<Revision> revisions = db.read(c -> {
            List<Revision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT number, saved_at, note, source FROM trash "
                    + "WHERE story_id = ? AND deleted_at = ? ORDER BY number")) {
                ps.setString(1, trashed.id());
                ps.setLong(2, trashed.deletedAt().toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Revision(trashed.id(), rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getString(3), RevisionText.read(rs, 4, trashed.id(), rs.getInt(1))));
                    }
                }
            }
            return out;
        });
        if (revisions.isEmpty()) {
            throw new WorkspaceException("library.error.noStory", trashed.id());
        }
        Revision newest = revisions.get(revisions.size() - 1);
        String id = freeId(trashed.id());
        Story parsed = parse(id, newest.source());
        return db.write(c -> {
            try (Batch batch = new Batch(c)) {
                batch.save(parsed, newest.source(), newest.note(), newest.savedAt().toEpochMilli());
            }
            // The save made revision 1; put the real history back in its place.
            try (PreparedStatement del = c.prepareStatement("DELETE FROM revisions WHERE story_id = ?")) {
                del.setString(1, id);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO revisions(story_id, number, source, title, "
                    + "saved_at, note) SELECT ?, number, source, title, saved_at, note FROM trash "
                    + "WHERE story_id = ? AND deleted_at = ?")) {
                ins.setString(1, id);
                ins.setString(2, trashed.id());
                ins.setLong(3, trashed.deletedAt().toEpochMilli());
                ins.executeUpdate();
            }
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE stories SET revision = ?, created_at = ? WHERE id = ?")) {
                up.setInt(1, newest.number());
                up.setLong(2, revisions.get(0).savedAt().toEpochMilli());
                up.setString(3, id);
                up.executeUpdate();
            }
            purgeIn(c, trashed);
            return id;
        });
    }

    /** Deletes a trashed story for good. */
    public void purge(TrashedStory trashed) {
        db.write(c -> {
            purgeIn(c, trashed);
            return null;
        });
    }

    private static void purgeIn(Connection c, TrashedStory trashed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM trash WHERE story_id = ? AND deleted_at = ?")) {
            ps.setString(1, trashed.id());
            ps.setLong(2, trashed.deletedAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** {@code base} if no story has it, else {@code base-2}, {@code base-3}… */
    public String freeId(String base) {
        String id = base;
        for (int n = 2; exists(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /**
     * The web addresses ({@link Story#webSlug()}) of every story but {@code exceptId}: what a new
     * address must not be. Each story's address is kept in its row when it is saved (schema step 7).
     */
    public Set<String> slugsInUse(String exceptId) {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT web_slug FROM stories WHERE id <> ?")) {
                ps.setString(1, exceptId == null ? "" : exceptId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The web address the story was last sent out under (the outbox's newest {@code SENT} publication of
     * it, read from the revision that was sent), or empty when it was never published.
     */
    public Optional<String> publishedSlug(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.source, r.number FROM outbox o "
                    + "JOIN revisions r ON r.story_id = o.story_id AND r.number = o.revision "
                    + "WHERE o.story_id = ? AND o.state = 'SENT' ORDER BY o.published_at DESC, o.id DESC LIMIT 1")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(WebSlugs.of(id, RevisionText.read(rs, 1, id, rs.getInt(2))))
                            : Optional.<String>empty();
                }
            }
        });
    }

    /** {@code base} if no other story has that web address, else {@code base-2}, {@code base-3}… */
    public String freeSlug(String base, String exceptId) {
        return Slugs.unique(base, slugsInUse(exceptId)::contains);
    }

    /** Changes the status in the story's front matter, as a new revision; the rest of the text is kept. */
    public SaveResult setStatus(String id, Status status) throws StoryFormatException {
        StoredStory current = get(id).orElseThrow(() -> new WorkspaceException("library.error.noStory", id));
        String edited = FrontMatterEdit.withStatus(current.source(), status);
        return save(id, edited, "status: " + status.id());
    }

    /** Archiving is a status: the story stays, with its history, out of the default views. */
    public SaveResult archive(String id) throws StoryFormatException {
        return setStatus(id, Status.ARCHIVED);
    }

    /** A story's revisions, oldest first; empty if there is no such story. */
    public List<RevisionInfo> history(String id) {
        return db.read(c -> {
            List<RevisionInfo> out = new ArrayList<>();
            // The size shown is the text's, so each revision is read back: microseconds for a story's history.
            try (PreparedStatement ps = c.prepareStatement("SELECT number, saved_at, source, "
                    + "title, note FROM revisions WHERE story_id = ? ORDER BY number")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long size = RevisionText.read(rs, 3, id, rs.getInt(1)).getBytes(StandardCharsets.UTF_8).length;
                        out.add(new RevisionInfo(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)), size,
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    public Optional<Revision> revision(String id, int number) {
        return db.read(c -> revisionIn(c, id, number));
    }

    private static Optional<Revision> revisionIn(Connection c, String id, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT saved_at, note, source FROM revisions WHERE story_id = ? AND number = ?")) {
            ps.setString(1, id);
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Revision(id, number, Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                        RevisionText.read(rs, 3, id, number)));
            }
        }
    }

    /**
     * A line diff from revision {@code a} to revision {@code b} (Myers, via java-diff-utils): every
     * line of both texts in order, each marked SAME, REMOVED or ADDED.
     *
     * @throws WorkspaceException if either revision does not exist
     */
    public List<DiffLine> diff(String id, int a, int b) {
        String[] texts = db.read(c -> new String[] {
            revisionIn(c, id, a).map(Revision::source).orElse(null),
            revisionIn(c, id, b).map(Revision::source).orElse(null)});
        if (texts[0] == null) {
            throw new WorkspaceException("library.error.noRevision", id, a);
        }
        if (texts[1] == null) {
            throw new WorkspaceException("library.error.noRevision", id, b);
        }
        return diffLines(texts[0], texts[1]);
    }

    static List<DiffLine> diffLines(String oldText, String newText) {
        List<String> before = lines(oldText);
        List<String> after = lines(newText);
        List<DiffLine> out = new ArrayList<>(Math.max(before.size(), after.size()) + 8);
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            int start = delta.getSource().getPosition();
            while (i < start) {
                out.add(new DiffLine(DiffLine.Kind.SAME, before.get(i), i + 1, j + 1));
                i++;
                j++;
            }
            for (String line : delta.getSource().getLines()) {
                out.add(new DiffLine(DiffLine.Kind.REMOVED, line, i + 1, 0));
                i++;
            }
            for (String line : delta.getTarget().getLines()) {
                out.add(new DiffLine(DiffLine.Kind.ADDED, line, 0, j + 1));
                j++;
            }
        }
        while (i < before.size()) {
            out.add(new DiffLine(DiffLine.Kind.SAME, before.get(i), i + 1, j + 1));
            i++;
            j++;
        }
        return out;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n|\n|\r", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Makes revision {@code number} the current text again, as a new revision. */
    public SaveResult restore(String id, int number) throws StoryFormatException {
        Revision old = revision(id, number)
                .orElseThrow(() -> new WorkspaceException("library.error.noRevision", id, number));
        return save(id, old.source(), "restored " + number);
    }

    private static Optional<Long> docOf(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT doc FROM stories WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The statements of one write transaction, prepared once for the whole batch. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement find;
        private final PreparedStatement insertStory;
        private final PreparedStatement lastRowId;
        private final PreparedStatement updateStory;
        private final PreparedStatement insertRevision;
        private final PreparedStatement deleteTags;
        private final PreparedStatement insertTag;
        private final PreparedStatement ftsDelete;
        private final PreparedStatement ftsInsert;
        private final PreparedStatement clearDraft;
        private final Connection c;
        private final boolean slugs;

        Batch(Connection c) throws SQLException {
            this.c = c;
            find = c.prepareStatement("SELECT s.doc, s.revision, r.source FROM stories s "
                    + "JOIN revisions r ON r.story_id = s.id AND r.number = s.revision WHERE s.id = ?");
            // A file opened at a format before step 7 (tests build those with this code) has no web_slug.
            slugs = Migrations.userVersion(c) >= Migrations.WEB_SLUGS;
            insertStory = c.prepareStatement("INSERT INTO stories(id, title, summary, status, lang, brand, "
                    + "revision, created_at, updated_at" + (slugs ? ", web_slug" : "")
                    + ") VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?" + (slugs ? ", ?" : "") + ")");
            lastRowId = c.prepareStatement("SELECT last_insert_rowid()");
            updateStory = c.prepareStatement("UPDATE stories SET title = ?, summary = ?, status = ?, "
                    + "lang = ?, brand = ?, revision = ?, updated_at = ?" + (slugs ? ", web_slug = ?" : "") + " WHERE doc = ?");
            insertRevision = c.prepareStatement(
                    "INSERT INTO revisions(story_id, number, source, title, saved_at, note) VALUES (?, ?, ?, ?, ?, ?)");
            deleteTags = c.prepareStatement("DELETE FROM story_tags WHERE story_id = ?");
            ftsDelete = c.prepareStatement(SearchIndex.DELETE);
            ftsInsert = c.prepareStatement(SearchIndex.INSERT);
            clearDraft = c.prepareStatement("DELETE FROM drafts WHERE story_id = ?");
            insertTag = c.prepareStatement("INSERT OR IGNORE INTO story_tags(story_id, tag, position) VALUES (?, ?, ?)");
        }

        SaveResult save(Story s, String source, String note, long now) throws SQLException {
            return save(s, source, null, note, now);
        }

        /** {@code packed}: the source as {@link RevisionText#pack} makes it, or null to make it here. */
        SaveResult save(Story s, String source, byte[] packed, String note, long now) throws SQLException {
            String id = s.id();
            long doc;
            int revision;
            find.setString(1, id);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    doc = rs.getLong(1);
                    revision = rs.getInt(2) + 1;
                    if (source.equals(RevisionText.read(rs, 3, id, revision - 1))) {
                        return new SaveResult(id, revision - 1, false);
                    }
                } else {
                    doc = -1;
                    revision = 1;
                }
            }
            if (doc < 0) {
                insertStory.setString(1, id);
                insertStory.setString(2, s.title());
                insertStory.setString(3, s.summary());
                insertStory.setString(4, s.status().id());
                insertStory.setString(5, s.lang());
                insertStory.setString(6, s.brand());
                insertStory.setLong(7, now);
                insertStory.setLong(8, now);
                if (slugs) {
                    insertStory.setString(9, WebSlugs.of(id, source));
                }
                // RETURNING through sqlite-jdbc measured several times slower than asking last_insert_rowid().
                insertStory.executeUpdate();
                try (ResultSet rs = lastRowId.executeQuery()) {
                    rs.next();
                    doc = rs.getLong(1);
                }
            } else {
                updateStory.setString(1, s.title());
                updateStory.setString(2, s.summary());
                updateStory.setString(3, s.status().id());
                updateStory.setString(4, s.lang());
                updateStory.setString(5, s.brand());
                updateStory.setInt(6, revision);
                updateStory.setLong(7, now);
                if (slugs) {
                    updateStory.setString(8, WebSlugs.of(id, source));
                }
                updateStory.setLong(slugs ? 9 : 8, doc);
                updateStory.executeUpdate();
                deleteTags.setString(1, id);
                deleteTags.executeUpdate();
            }
            insertRevision.setString(1, id);
            insertRevision.setInt(2, revision);
            insertRevision.setBytes(3, packed == null ? RevisionText.pack(source) : packed);
            insertRevision.setString(4, s.title());
            insertRevision.setLong(5, now);
            insertRevision.setString(6, note);
            insertRevision.executeUpdate();
            if (revision > 1) {
                clearDraft.setString(1, id);
                clearDraft.executeUpdate();
            }
            int position = 0;
            for (String tag : s.tags()) {
                if (tag.isBlank()) {
                    continue;
                }
                insertTag.setString(1, id);
                insertTag.setString(2, tag.strip());
                insertTag.setInt(3, position++);
                insertTag.executeUpdate();
            }
            if (revision > 1) {
                ftsDelete.setLong(1, doc);
                ftsDelete.executeUpdate();
            }
            SearchIndex.insert(ftsInsert, doc, s);
            return new SaveResult(id, revision, true);
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : List.of(find, insertStory, lastRowId, updateStory, insertRevision, deleteTags, insertTag,
                    ftsDelete, ftsInsert, clearDraft)) {
                ps.close();
            }
        }
    }
}
