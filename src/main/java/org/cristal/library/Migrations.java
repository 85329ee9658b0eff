package org.cristal.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.cristal.story.Story;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;

/**
 * The workspace schema as a list of steps, numbered by {@code PRAGMA user_version}. A step is never
 * edited once released: a change is a new step, so a file made by any older build can be brought up
 * to date, one transaction per step.
 */
final class Migrations {
    /** "CRST": marks a SQLite file as a Cristal workspace ({@code PRAGMA application_id}). */
    static final int APPLICATION_ID = 0x43525354;
    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

    @FunctionalInterface
    interface Change {
        /** {@code progress} takes how much of this step is done, 0 to 1, for a step long enough to show it. */
        void apply(Connection c, DoubleConsumer progress) throws SQLException;
    }

    /** The step from which each story's row holds its web address ({@code stories.web_slug}). */
    static final int WEB_SLUGS = 7;
    /** The step that adds results, web analytics and A/B tests (ResultsSchema). */
    static final int RESULTS = 8;
    /** The step that adds personas, scenarios and personalised print runs (OneToOneSchema). */
    static final int ONE_TO_ONE = 9;

    record Step(int version, String what, Change change) {
    }

    static final List<Step> STEPS = List.of(
            new Step(1, "stories, revisions, tags, brands, assets", (c, p) -> v1(c)),
            new Step(2, "full-text search and workspace settings", (c, p) -> v2(c)),
            new Step(3, "trash for deleted stories, autosaved drafts", (c, p) -> v3(c)),
            new Step(4, "channel accounts, publishing outbox and its journal", (c, p) -> v4(c)),
            new Step(5, "contacts, consent ledger, suppressions, deliveries, segments, import batches",
                    (c, p) -> AudienceSchema.v5(c)),
            new Step(6, "revisions compressed, search index without its own copy of the text", Migrations::v6),
            new Step(WEB_SLUGS, "each story's web address kept beside it", Migrations::v7),
            new Step(RESULTS, "results of publications, web analytics, A/B tests", (c, p) -> ResultsSchema.v8(c)),
            new Step(ONE_TO_ONE, "personas, scenarios, personalised print runs", (c, p) -> OneToOneSchema.v9(c)));

    private Migrations() {
    }

    static int latest() {
        return STEPS.get(STEPS.size() - 1).version();
    }

    /** Applies every step above the file's version, up to {@code target}, each in its own transaction. */
    static void migrate(Db db, int target) {
        migrate(db, target, fraction -> { });
    }

    /**
     * As {@link #migrate(Db, int)}; {@code progress} hears how much is done (0 to 1) when bringing an
     * existing file up to date takes more than a second, so the user sees it move instead of waiting blind.
     */
    static void migrate(Db db, int target, DoubleConsumer progress) {
        // Read first: a file already up to date is not written at all (it may be read-only).
        int found = db.read(Migrations::userVersion);
        if (found >= target) {
            return;
        }
        if (db.readOnly()) {
            throw new WorkspaceException("workspace.error.readOnlyOld", Faults.shown(db.file()));
        }
        DoubleConsumer shown = new Shown(progress);
        for (Step step : STEPS) {
            if (step.version() > target) {
                break;
            }
            if (step.version() <= found) {
                continue;
            }
            db.write(c -> {
                // Re-read inside the write lock: another process may have migrated the file meanwhile.
                int current = userVersion(c);
                if (current == step.version() - 1) {
                    long start = System.nanoTime();
                    step.change().apply(c, found > 0 ? shown : fraction -> { });
                    Db.exec(c, "PRAGMA user_version = " + step.version());
                    if (found > 0) {
                        // An existing file brought up to date: how long the user waited, for the log.
                        LOG.log(System.Logger.Level.INFO, "workspace format {0} ({1}) in {2} ms", step.version(),
                                step.what(), (System.nanoTime() - start) / 1_000_000);
                    }
                }
                return null;
            });
        }
        if (found >= 1 && found < COMPACTED && target >= COMPACTED) {
            shown.accept(PACKED);
            compact(db);
        }
    }

    /** Where step 6 ends and the compaction begins, as a share of the whole wait. */
    private static final double PACKED = 0.8;

    /** Passes progress on once a second has gone by, and only when it moved by a percent. */
    private static final class Shown implements DoubleConsumer {
        private final DoubleConsumer to;
        private final long start = System.nanoTime();
        private double last = -1;

        Shown(DoubleConsumer to) {
            this.to = to;
        }

        @Override
        public void accept(double fraction) {
            if (System.nanoTime() - start > 1_000_000_000L && fraction - last >= 0.01) {
                last = fraction;
                to.accept(Math.min(1, fraction));
            }
        }
    }

    /** The step after which an existing file is worth rewriting: it freed most of its pages. */
    private static final int COMPACTED = 6;

    /**
     * Gives the pages step 6 freed back to the disk. Not part of the migration: the file is already
     * complete and correct, only larger, if this fails (a disk without room for the copy) or is cut short.
     */
    private static void compact(Db db) {
        long start = System.nanoTime();
        try {
            db.vacuum();
            LOG.log(System.Logger.Level.INFO, "workspace compacted in {0} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "workspace not compacted: " + e.getMessage());
        }
    }

    /**
     * Revisions and the trash hold their text compressed ({@link RevisionText}), and the search index
     * keeps only its index: FTS5 contentless, with deletes ({@code contentless_delete}, SQLite 3.43), so
     * the text is no longer stored twice. Snippets are made from the stored text ({@link Search}). The
     * index is copied, not rebuilt: the same words for the same stories, without parsing a story again.
     * One transaction: a crash part-way leaves the file as it was, at step 5.
     */
    private static void v6(Connection c, DoubleConsumer progress) throws SQLException {
        // The pages freed here hold story text the file keeps anyway (compressed), and the compaction that
        // follows drops them: zeroing each one first (secure_delete, kept for erased contacts) only made the
        // step slower. Set back below, whatever happens (a pragma is not undone by a rollback).
        Db.exec(c, "PRAGMA secure_delete = OFF");
        try {
            compressAndReindex(c, progress);
        } finally {
            Db.exec(c, "PRAGMA secure_delete = ON");
        }
    }

    /**
     * Each story's web address ({@link WebSlugs}) in its row, so that what a new address must not be is
     * one column of the stories table: reading every story's text for it, at each story opened, took
     * seconds on 100,000 stories. Read first, then written: rows are not updated under an open scan.
     */
    private static void v7(Connection c, DoubleConsumer progress) throws SQLException {
        Db.exec(c, "ALTER TABLE stories ADD COLUMN web_slug TEXT NOT NULL DEFAULT ''");
        long total = count(c, "stories");
        record Slug(long doc, String slug) {
        }
        List<Slug> slugs = new ArrayList<>();
        try (PreparedStatement read = c.prepareStatement("SELECT s.doc, s.id, r.source, s.revision FROM stories s "
                + "JOIN revisions r ON r.story_id = s.id AND r.number = s.revision");
                ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(2);
                slugs.add(new Slug(rs.getLong(1), WebSlugs.of(id, RevisionText.read(rs, 3, id, rs.getInt(4)))));
                if (slugs.size() % 1000 == 0) {
                    progress.accept(PACKED * 0.9 * slugs.size() / Math.max(1, total));
                }
            }
        }
        try (PreparedStatement write = c.prepareStatement("UPDATE stories SET web_slug = ? WHERE doc = ?")) {
            for (Slug row : slugs) {
                write.setString(1, row.slug());
                write.setLong(2, row.doc());
                write.executeUpdate();
            }
        }
    }

    private static void compressAndReindex(Connection c, DoubleConsumer progress) throws SQLException {
        // Shares of the wait, measured on 100,000 stories: compressing, copying the index, merging it.
        long total = count(c, "revisions") + count(c, "trash");
        long[] done = {0};
        for (String table : new String[] {"revisions", "trash"}) {
            packAll(c, table, n -> {
                done[0] += n;
                progress.accept(PACKED * 0.5 * done[0] / Math.max(1, total));
            });
        }
        Db.exec(c, "ALTER TABLE story_fts RENAME TO story_fts_v5");
        Db.exec(c, SearchIndex.CREATE);
        Db.exec(c, "INSERT INTO story_fts(story_fts, rank) VALUES ('rank', '" + SearchIndex.RANK + "')");
        Db.exec(c, "INSERT INTO story_fts(story_fts, rank) VALUES ('hashsize', " + (8 * 1024 * 1024) + ")");
        // In chunks of stories (by doc, the index's rowid), so progress can be shown; the last chunk takes
        // whatever is left, a row without its story included.
        long rows = count(c, "stories");
        long copied = 0;
        try (PreparedStatement copy = c.prepareStatement("INSERT INTO story_fts(rowid, title, summary, body, tags, "
                + "folded, facets) SELECT rowid, title, summary, body, tags, folded, facets FROM story_fts_v5 "
                + "WHERE rowid > ? AND rowid <= ?");
                PreparedStatement bound = c.prepareStatement("SELECT max(doc), count(*) FROM (SELECT doc FROM stories "
                        + "WHERE doc > ? ORDER BY doc LIMIT " + PACK_CHUNK * 10 + ")")) {
            long after = Long.MIN_VALUE;
            while (true) {
                bound.setLong(1, after);
                long upper;
                long n;
                try (ResultSet rs = bound.executeQuery()) {
                    rs.next();
                    n = rs.getLong(2);
                    upper = n == 0 ? Long.MAX_VALUE : rs.getLong(1);
                }
                copy.setLong(1, after);
                copy.setLong(2, upper);
                copy.executeUpdate();
                if (n == 0) {
                    break;
                }
                after = upper;
                copied += n;
                progress.accept(PACKED * (0.5 + 0.3 * copied / Math.max(1, rows)));
            }
        }
        Db.exec(c, "DROP TABLE story_fts_v5");
        Db.exec(c, "INSERT INTO story_fts(story_fts) VALUES ('optimize')");
        progress.accept(PACKED);
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static final int PACK_CHUNK = 1000;

    /** Compresses the text of every row of {@code table}, a chunk at a time, on every core. */
    private static void packAll(Connection c, String table, java.util.function.IntConsumer chunkDone) throws SQLException {
        long after = Long.MIN_VALUE;
        try (PreparedStatement read = c.prepareStatement("SELECT rowid, source FROM " + table
                + " WHERE rowid > ? AND typeof(source) = 'text' ORDER BY rowid LIMIT " + PACK_CHUNK);
                PreparedStatement write = c.prepareStatement("UPDATE " + table + " SET source = ? WHERE rowid = ?")) {
            while (true) {
                List<Long> rows = new ArrayList<>(PACK_CHUNK);
                List<String> texts = new ArrayList<>(PACK_CHUNK);
                read.setLong(1, after);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1));
                        texts.add(rs.getString(2));
                    }
                }
                if (rows.isEmpty()) {
                    return;
                }
                List<byte[]> packed = texts.parallelStream().map(RevisionText::pack).toList();
                for (int i = 0; i < rows.size(); i++) {
                    write.setBytes(1, packed.get(i));
                    write.setLong(2, rows.get(i));
                    write.executeUpdate();
                }
                after = rows.get(rows.size() - 1);
                chunkDone.accept(rows.size());
            }
        }
    }

    static int userVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("PRAGMA user_version"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void v1(Connection c) throws SQLException {
        Db.exec(c, "PRAGMA application_id = " + APPLICATION_ID);
        // The current text is the newest revision's (not copied here: it would double the file).
        // doc is an INTEGER PRIMARY KEY so that the row id the search index points to survives VACUUM.
        Db.exec(c, """
                CREATE TABLE stories (
                  doc INTEGER PRIMARY KEY,
                  id TEXT NOT NULL UNIQUE,
                  title TEXT NOT NULL,
                  summary TEXT NOT NULL,
                  status TEXT NOT NULL,
                  lang TEXT NOT NULL COLLATE NOCASE,
                  brand TEXT NOT NULL,
                  revision INTEGER NOT NULL,
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL)""");
        Db.exec(c, "CREATE INDEX stories_updated ON stories(updated_at DESC, id)");
        Db.exec(c, "CREATE INDEX stories_status ON stories(status, updated_at DESC)");
        Db.exec(c, "CREATE INDEX stories_brand ON stories(brand, updated_at DESC)");
        Db.exec(c, """
                CREATE TABLE story_tags (
                  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                  tag TEXT NOT NULL COLLATE NOCASE,
                  position INTEGER NOT NULL,
                  PRIMARY KEY (story_id, tag)) WITHOUT ROWID""");
        Db.exec(c, "CREATE INDEX story_tags_tag ON story_tags(tag)");
        Db.exec(c, """
                CREATE TABLE revisions (
                  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                  number INTEGER NOT NULL CHECK (number > 0),
                  source TEXT NOT NULL,
                  title TEXT NOT NULL,
                  saved_at INTEGER NOT NULL,
                  note TEXT NOT NULL DEFAULT '',
                  PRIMARY KEY (story_id, number))""");
        Db.exec(c, """
                CREATE TABLE brands (
                  id TEXT PRIMARY KEY,
                  name TEXT NOT NULL,
                  source TEXT NOT NULL,
                  updated_at INTEGER NOT NULL)""");
        Db.exec(c, """
                CREATE TABLE assets (
                  name TEXT PRIMARY KEY,
                  file_name TEXT NOT NULL,
                  media_type TEXT NOT NULL,
                  bytes BLOB NOT NULL,
                  sha256 TEXT NOT NULL,
                  width INTEGER NOT NULL DEFAULT 0,
                  height INTEGER NOT NULL DEFAULT 0,
                  alt TEXT NOT NULL DEFAULT '',
                  updated_at INTEGER NOT NULL)""");
        Db.exec(c, "CREATE INDEX assets_file_name ON assets(file_name)");
    }

    private static void v2(Connection c) throws SQLException {
        // remove_diacritics 2 folds accents in the text and in the query alike: "eleve" finds "élève".
        // The prefix indexes keep as-you-type queries ("le*", "lev*") from scanning the whole term list.
        Db.exec(c, """
                CREATE VIRTUAL TABLE story_fts USING fts5(
                  title, summary, body, tags, folded, facets,
                  tokenize = 'unicode61 remove_diacritics 2',
                  prefix = '2 3')""");
        Db.exec(c, "INSERT INTO story_fts(story_fts, rank) VALUES ('rank', '" + SearchIndex.RANK + "')");
        Db.exec(c, "INSERT INTO story_fts(story_fts, rank) VALUES ('hashsize', " + (8 * 1024 * 1024) + ")");
        Db.exec(c, "CREATE INDEX stories_lang ON stories(lang)");
        Db.exec(c, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        // Stories written by a build without search get indexed now.
        try (PreparedStatement ps = c.prepareStatement("SELECT s.doc, s.id, r.source FROM stories s "
                + "JOIN revisions r ON r.story_id = s.id AND r.number = s.revision");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    Story s = StoryParser.parse(rs.getString(2), rs.getString(3));
                    SearchIndex.put(c, rs.getLong(1), s);
                } catch (StoryFormatException e) {
                    // Stored text is validated on save; a story unreadable here just stays out of search.
                }
            }
        }
    }

    private static void v3(Connection c) throws SQLException {
        // A deleted story keeps every revision here until the trash is emptied, so delete can be undone.
        Db.exec(c, """
                CREATE TABLE trash (
                  story_id TEXT NOT NULL,
                  deleted_at INTEGER NOT NULL,
                  number INTEGER NOT NULL,
                  source TEXT NOT NULL,
                  title TEXT NOT NULL,
                  saved_at INTEGER NOT NULL,
                  note TEXT NOT NULL DEFAULT '',
                  PRIMARY KEY (story_id, deleted_at, number))""");
        // The studio autosaves here within a second of typing; a revision is made at meaningful
        // moments (save, switching story, leaving the window), so history stays readable.
        Db.exec(c, """
                CREATE TABLE drafts (
                  story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
                  source TEXT NOT NULL,
                  saved_at INTEGER NOT NULL)""");
    }

    private static void v4(Connection c) throws SQLException {
        // A configured destination: a plugin plus its settings. Secrets are not here: only in the secret
        // store, under the account's id.
        Db.exec(c, """
                CREATE TABLE channel_accounts (
                  id TEXT PRIMARY KEY,
                  plugin TEXT NOT NULL,
                  name TEXT NOT NULL,
                  settings TEXT NOT NULL DEFAULT '{}',
                  enabled INTEGER NOT NULL DEFAULT 1,
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL)""");
        // Every publication is written here before it is sent; the idempotency key is the same on every
        // attempt, so a retry or a restart never makes a second post. Times are UTC epoch milliseconds;
        // zone is the user's zone when it was scheduled, to show it as they meant it.
        Db.exec(c, """
                CREATE TABLE outbox (
                  id INTEGER PRIMARY KEY,
                  idempotency_key TEXT NOT NULL UNIQUE,
                  story_id TEXT NOT NULL,
                  revision INTEGER NOT NULL,
                  account TEXT NOT NULL,
                  plugin TEXT NOT NULL,
                  channel TEXT NOT NULL,
                  target TEXT NOT NULL DEFAULT '',
                  scheduled_at INTEGER NOT NULL,
                  zone TEXT NOT NULL,
                  state TEXT NOT NULL,
                  attempts INTEGER NOT NULL DEFAULT 0,
                  next_attempt_at INTEGER,
                  remote_id TEXT NOT NULL DEFAULT '',
                  url TEXT NOT NULL DEFAULT '',
                  published_at INTEGER,
                  items INTEGER NOT NULL DEFAULT 0,
                  error TEXT NOT NULL DEFAULT '',
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL)""");
        Db.exec(c, "CREATE INDEX outbox_due ON outbox(state, scheduled_at)");
        Db.exec(c, "CREATE INDEX outbox_story ON outbox(story_id, scheduled_at)");
        Db.exec(c, "CREATE INDEX outbox_account ON outbox(account, scheduled_at)");
        // What a long send has done (recipients reached, posts of a thread), so it resumes after a crash.
        Db.exec(c, """
                CREATE TABLE outbox_journal (
                  entry INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
                  key TEXT NOT NULL,
                  value TEXT NOT NULL,
                  PRIMARY KEY (entry, key)) WITHOUT ROWID""");
    }
}
