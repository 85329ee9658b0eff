package org.cristal.library;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The results' tables (schema step 8): what came back from each publication and from the user's web
 * analytics, and the A/B tests with the arm each contact was put in. See docs/results.md.
 */
final class ResultsSchema {
    private ResultsSchema() {
    }

    static void v8(Connection c) throws SQLException {
        // Counts a service reported about one publication (favourites, boosts, replies…), or that Cristal
        // counted in its own journal for a newsletter. A row is kept only when a figure changed, so the
        // history is the curve over time and a fetch that found nothing new writes nothing.
        Db.exec(c, """
                CREATE TABLE publication_counts (
                  entry INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
                  metric TEXT NOT NULL,
                  at INTEGER NOT NULL,
                  value INTEGER NOT NULL,
                  PRIMARY KEY (entry, metric, at)) WITHOUT ROWID""");
        // When each publication's counts were last asked for, and when they may be asked for again (the
        // service's rate limit, or a slower pace as the publication ages). message: why not, for the user.
        Db.exec(c, """
                CREATE TABLE result_fetches (
                  entry INTEGER PRIMARY KEY REFERENCES outbox(id) ON DELETE CASCADE,
                  status TEXT NOT NULL,
                  fetched_at INTEGER,
                  next_at INTEGER NOT NULL,
                  message TEXT NOT NULL DEFAULT '')""");
        Db.exec(c, "CREATE INDEX result_fetches_next ON result_fetches(next_at)");
        // One row per analytics file the user imported: what it was and what matched.
        Db.exec(c, """
                CREATE TABLE result_imports (
                  id INTEGER PRIMARY KEY,
                  file_name TEXT NOT NULL,
                  format TEXT NOT NULL,
                  at INTEGER NOT NULL,
                  rows INTEGER NOT NULL,
                  matched INTEGER NOT NULL,
                  unmatched INTEGER NOT NULL)""");
        // Visits and conversions per day and per UTM tag set, as the user's analytics tool counted them.
        // The same day and tags from the same tool replace the earlier figures: importing a file twice,
        // or an export that overlaps the last one, never counts a visit twice. Joined to a story by its
        // web address (campaign = stories.web_slug), at read time, so a story written later still matches.
        Db.exec(c, """
                CREATE TABLE web_results (
                  tool TEXT NOT NULL,
                  day TEXT NOT NULL,
                  campaign TEXT NOT NULL,
                  source TEXT NOT NULL,
                  medium TEXT NOT NULL,
                  content TEXT NOT NULL,
                  visitors INTEGER NOT NULL,
                  conversions INTEGER NOT NULL,
                  import INTEGER REFERENCES result_imports(id),
                  PRIMARY KEY (tool, day, campaign, source, medium, content)) WITHOUT ROWID""");
        Db.exec(c, "CREATE INDEX web_results_campaign ON web_results(campaign, day)");
        // An A/B test: which element of which story varies, its arms, the plan it was sized with, and the
        // seed that split the segment. Kept after the send so the evaluation reads the plan it was made for.
        // entry_key: the idempotency key of the send it belongs to, written before the outbox entry exists so
        // no sender can take that entry without its test. A plan not given is 0 (baseline, mde, planned).
        Db.exec(c, """
                CREATE TABLE ab_tests (
                  id INTEGER PRIMARY KEY,
                  story_id TEXT NOT NULL,
                  element TEXT NOT NULL,
                  arms TEXT NOT NULL,
                  outcome TEXT NOT NULL,
                  seed INTEGER NOT NULL,
                  entry_key TEXT NOT NULL UNIQUE,
                  baseline REAL NOT NULL,
                  mde REAL NOT NULL,
                  relative INTEGER NOT NULL,
                  alpha REAL NOT NULL,
                  power REAL NOT NULL,
                  planned_per_arm INTEGER NOT NULL,
                  entry INTEGER REFERENCES outbox(id) ON DELETE SET NULL,
                  created_at INTEGER NOT NULL)""");
        Db.exec(c, "CREATE INDEX ab_tests_story ON ab_tests(story_id, created_at)");
        // The arm each contact was put in: recorded, so a contact is always in the same arm of a test
        // (a resend, a crash and restart). Goes with the contact when the contact is erased.
        Db.exec(c, """
                CREATE TABLE ab_arms (
                  test INTEGER NOT NULL REFERENCES ab_tests(id) ON DELETE CASCADE,
                  contact INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                  arm TEXT NOT NULL,
                  PRIMARY KEY (test, contact)) WITHOUT ROWID""");
    }
}
