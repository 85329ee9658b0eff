package org.cristal.library;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one-to-one tables (schema step 9): personas, scenarios with their versions, each contact's run
 * through a scenario and each step of it, and the personalised print runs. See docs/one-to-one.md.
 */
final class OneToOneSchema {
    private OneToOneSchema() {
    }

    static void v9(Connection c) throws SQLException {
        // A persona: whom a story is written for. Lists (goals, objections, words) are one item per line;
        // channels are channel ids separated by commas. reading_target: the lowest reading-ease score the
        // persona reads comfortably (0 for none). segment: a segment expression finding their contacts.
        Db.exec(c, """
                CREATE TABLE personas (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                  portrait TEXT NOT NULL DEFAULT '',
                  goals TEXT NOT NULL DEFAULT '',
                  objections TEXT NOT NULL DEFAULT '',
                  tone TEXT NOT NULL DEFAULT '',
                  words_use TEXT NOT NULL DEFAULT '',
                  words_avoid TEXT NOT NULL DEFAULT '',
                  channels TEXT NOT NULL DEFAULT '',
                  channels_avoid TEXT NOT NULL DEFAULT '',
                  reading_target INTEGER NOT NULL DEFAULT 0,
                  segment TEXT NOT NULL DEFAULT '',
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL)""");
        // A scenario: a named sequence of steps for a segment. version is its latest version; a running
        // scenario's edit makes a new one (scenario_versions), and each run keeps the version it started.
        // reentry: never, after-completion or always; reentry_days: the least time between the end of a
        // contact's run and their next. zone: the time zone of contacts who have none of their own.
        Db.exec(c, """
                CREATE TABLE scenarios (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                  segment TEXT NOT NULL DEFAULT '',
                  reentry TEXT NOT NULL DEFAULT 'never',
                  reentry_days INTEGER NOT NULL DEFAULT 0,
                  zone TEXT NOT NULL,
                  state TEXT NOT NULL DEFAULT 'draft',
                  version INTEGER NOT NULL DEFAULT 1,
                  started_at INTEGER,
                  paused_at INTEGER,
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL)""");
        // A version's steps and exit conditions, as JSON (library.scenario.ScenarioJson). Never changed once
        // a run uses it.
        Db.exec(c, """
                CREATE TABLE scenario_versions (
                  scenario INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
                  version INTEGER NOT NULL,
                  steps TEXT NOT NULL,
                  exits TEXT NOT NULL DEFAULT '[]',
                  created_at INTEGER NOT NULL,
                  PRIMARY KEY (scenario, version)) WITHOUT ROWID""");
        // One contact's way through one version of a scenario: active, completed or exited (reason says
        // why). At most one active run per contact and scenario. Personal: goes with the contact.
        Db.exec(c, """
                CREATE TABLE scenario_runs (
                  id INTEGER PRIMARY KEY,
                  scenario INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
                  version INTEGER NOT NULL,
                  contact INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                  entered_at INTEGER NOT NULL,
                  state TEXT NOT NULL DEFAULT 'active',
                  ended_at INTEGER,
                  reason TEXT NOT NULL DEFAULT '')""");
        Db.exec(c, "CREATE INDEX scenario_runs_contact ON scenario_runs(scenario, contact, state)");
        Db.exec(c, "CREATE UNIQUE INDEX scenario_runs_active ON scenario_runs(scenario, contact) "
                + "WHERE state = 'active'");
        // Each step of each run: when it is due, and what became of it (waiting, held by a pause or the
        // frequency cap, queued as an outbox entry, sent, skipped with a reason, failed). entry: the outbox
        // entry once queued, whose idempotency key makes sure the step never goes twice. attempt: how many
        // times a send held the step back at the cap (each later try is its own entry with its own key).
        Db.exec(c, """
                CREATE TABLE scenario_touches (
                  run INTEGER NOT NULL REFERENCES scenario_runs(id) ON DELETE CASCADE,
                  step TEXT NOT NULL,
                  due_at INTEGER NOT NULL,
                  state TEXT NOT NULL,
                  entry INTEGER REFERENCES outbox(id) ON DELETE SET NULL,
                  reason TEXT NOT NULL DEFAULT '',
                  attempt INTEGER NOT NULL DEFAULT 0,
                  updated_at INTEGER NOT NULL,
                  PRIMARY KEY (run, step)) WITHOUT ROWID""");
        Db.exec(c, "CREATE INDEX scenario_touches_due ON scenario_touches(state, due_at)");
        Db.exec(c, "CREATE INDEX scenario_touches_entry ON scenario_touches(entry) WHERE entry IS NOT NULL");
        // A step on a public channel (a social post, a web page) goes once for the scenario, not per contact.
        Db.exec(c, """
                CREATE TABLE scenario_posts (
                  scenario INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
                  version INTEGER NOT NULL,
                  step TEXT NOT NULL,
                  due_at INTEGER NOT NULL,
                  state TEXT NOT NULL,
                  entry INTEGER REFERENCES outbox(id) ON DELETE SET NULL,
                  reason TEXT NOT NULL DEFAULT '',
                  updated_at INTEGER NOT NULL,
                  PRIMARY KEY (scenario, version, step)) WITHOUT ROWID""");
        // One personalised print run: a story's brochure for a segment, one copy per contact with postal
        // consent and an address. Each copy is a delivery (channel postal) of the contact.
        Db.exec(c, """
                CREATE TABLE print_runs (
                  id INTEGER PRIMARY KEY,
                  story_id TEXT NOT NULL,
                  revision INTEGER NOT NULL,
                  segment TEXT NOT NULL DEFAULT '',
                  copies INTEGER NOT NULL,
                  folder TEXT NOT NULL DEFAULT '',
                  created_at INTEGER NOT NULL)""");
    }
}
