package org.cristal.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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

    @FunctionalInterface
    interface Change {
        void apply(Connection c) throws SQLException;
    }

    record Step(int version, String what, Change change) {
    }

    static final List<Step> STEPS = List.of(
            new Step(1, "stories, revisions, tags, brands, assets", Migrations::v1),
            new Step(2, "full-text search and workspace settings", Migrations::v2),
            new Step(3, "trash for deleted stories, autosaved drafts", Migrations::v3),
            new Step(4, "channel accounts, publishing outbox and its journal", Migrations::v4),
            new Step(5, "contacts, consent ledger, suppressions, deliveries, segments, import batches",
                    AudienceSchema::v5));

    private Migrations() {
    }

    static int latest() {
        return STEPS.get(STEPS.size() - 1).version();
    }

    /** Applies every step above the file's version, up to {@code target}, each in its own transaction. */
    static void migrate(Db db, int target) {
        // Read first: a file already up to date is not written at all (it may be read-only).
        int found = db.read(Migrations::userVersion);
        if (found >= target) {
            return;
        }
        if (db.readOnly()) {
            throw new WorkspaceException("workspace.error.readOnlyOld", Faults.shown(db.file()));
        }
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
                    step.change().apply(c);
                    Db.exec(c, "PRAGMA user_version = " + step.version());
                }
                return null;
            });
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
