package org.cristal.library;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The audience's tables (schema step 5). Contacts are personal data: see docs/audience.md for what each
 * table holds and what erasing a contact removes.
 */
final class AudienceSchema {
    private AudienceSchema() {
    }

    static void v5(Connection c) throws SQLException {
        // email_key is the address in lower case: unique without regard to case, for every alphabet.
        // folded holds the searchable text (names, address, city, postcode, phone, tags) in lower case
        // without accents, so "helene" finds "Hélène"; it goes with the row when a contact is erased.
        Db.exec(c, """
                CREATE TABLE contacts (
                  id INTEGER PRIMARY KEY,
                  email TEXT NOT NULL,
                  email_key TEXT NOT NULL UNIQUE,
                  first_name TEXT NOT NULL DEFAULT '',
                  last_name TEXT NOT NULL DEFAULT '',
                  lang TEXT NOT NULL DEFAULT '',
                  street TEXT NOT NULL DEFAULT '',
                  postcode TEXT NOT NULL DEFAULT '',
                  city TEXT NOT NULL DEFAULT '',
                  country TEXT NOT NULL DEFAULT '',
                  phone TEXT NOT NULL DEFAULT '',
                  source TEXT NOT NULL DEFAULT '',
                  email_status TEXT NOT NULL DEFAULT 'ok',
                  soft_bounces INTEGER NOT NULL DEFAULT 0,
                  folded TEXT NOT NULL DEFAULT '',
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL)""");
        // A version of the contacts' searchable text, so that the contacts screen's in-memory search index
        // (library.audience.ContactIndex) knows cheaply whether it is still right, whichever process or
        // connection wrote. Deletes and changes bump it; inserts do not (a trigger per inserted row halved
        // the speed of a 100,000-row import): they show in max(id) and count(*), which the index reads too.
        Db.exec(c, "INSERT OR IGNORE INTO meta(key, value) VALUES ('audience.contacts.version', '0')");
        for (String event : new String[] {"DELETE", "UPDATE OF folded, first_name, last_name, email_key"}) {
            Db.exec(c, "CREATE TRIGGER contacts_version_" + event.split(" ")[0].toLowerCase(java.util.Locale.ROOT)
                    + " AFTER " + event + " ON contacts BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                    + "WHERE key = 'audience.contacts.version'; END");
        }
        Db.exec(c, "CREATE INDEX contacts_created ON contacts(created_at)");
        Db.exec(c, "CREATE INDEX contacts_city ON contacts(city COLLATE NOCASE)");
        Db.exec(c, "CREATE INDEX contacts_postcode ON contacts(postcode)");
        Db.exec(c, "CREATE INDEX contacts_lang ON contacts(lang COLLATE NOCASE)");
        Db.exec(c, """
                CREATE TABLE contact_tags (
                  contact INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                  tag TEXT NOT NULL COLLATE NOCASE,
                  position INTEGER NOT NULL DEFAULT 0,
                  PRIMARY KEY (contact, tag)) WITHOUT ROWID""");
        Db.exec(c, "CREATE INDEX contact_tags_tag ON contact_tags(tag, contact)");
        Db.exec(c, """
                CREATE TABLE contact_fields (
                  contact INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                  key TEXT NOT NULL COLLATE NOCASE,
                  value TEXT NOT NULL,
                  PRIMARY KEY (contact, key)) WITHOUT ROWID""");
        Db.exec(c, "CREATE INDEX contact_fields_key ON contact_fields(key, value)");
        // Import batches, so that an import is one step the user can undo; before holds the contact's
        // fields as they were (JSON), null for a contact the batch created.
        Db.exec(c, """
                CREATE TABLE import_batches (
                  id INTEGER PRIMARY KEY,
                  file_name TEXT NOT NULL,
                  preset TEXT NOT NULL,
                  summary TEXT NOT NULL DEFAULT '{}',
                  imported_at INTEGER NOT NULL,
                  undone_at INTEGER)""");
        Db.exec(c, """
                CREATE TABLE import_changes (
                  batch INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
                  contact INTEGER NOT NULL,
                  before TEXT,
                  PRIMARY KEY (batch, contact)) WITHOUT ROWID""");
        // The consent ledger: append-only, one row per event. The current state is derived from it
        // (consent_state, kept by the trigger below); nothing is ever overwritten. at is when the person
        // agreed or withdrew (an imported opt-in keeps its original time); recorded_at is when Cristal
        // wrote it. Rows go only with their contact (erasure) or with an import batch that was undone.
        Db.exec(c, """
                CREATE TABLE consents (
                  id INTEGER PRIMARY KEY,
                  contact INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                  channel TEXT NOT NULL,
                  purpose TEXT NOT NULL,
                  granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
                  at INTEGER NOT NULL,
                  method TEXT NOT NULL,
                  source TEXT NOT NULL DEFAULT '',
                  ip TEXT NOT NULL DEFAULT '',
                  proof TEXT NOT NULL DEFAULT '',
                  batch INTEGER REFERENCES import_batches(id),
                  recorded_at INTEGER NOT NULL)""");
        Db.exec(c, "CREATE INDEX consents_contact ON consents(contact, channel, purpose, id)");
        Db.exec(c, "CREATE INDEX consents_batch ON consents(batch) WHERE batch IS NOT NULL");
        Db.exec(c, """
                CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
                BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END""");
        Db.exec(c, """
                CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
                WHEN EXISTS (SELECT 1 FROM contacts WHERE id = OLD.contact)
                 AND NOT EXISTS (SELECT 1 FROM import_batches WHERE id = OLD.batch AND undone_at IS NOT NULL)
                BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END""");
        Db.exec(c, """
                CREATE TABLE consent_state (
                  contact INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                  channel TEXT NOT NULL,
                  purpose TEXT NOT NULL,
                  granted INTEGER NOT NULL,
                  at INTEGER NOT NULL,
                  ledger_id INTEGER NOT NULL,
                  PRIMARY KEY (contact, channel, purpose)) WITHOUT ROWID""");
        Db.exec(c, "CREATE INDEX consent_state_granted ON consent_state(channel, purpose, granted, contact)");
        Db.exec(c, """
                CREATE TRIGGER consents_state AFTER INSERT ON consents
                BEGIN
                  INSERT INTO consent_state(contact, channel, purpose, granted, at, ledger_id)
                  VALUES (NEW.contact, NEW.channel, NEW.purpose, NEW.granted, NEW.at, NEW.id)
                  ON CONFLICT(contact, channel, purpose) DO UPDATE SET granted = excluded.granted,
                    at = excluded.at, ledger_id = excluded.ledger_id;
                END""");
        // Addresses that must not come back: an erased contact (only a salted hash of the address is
        // kept), a hard bounce, a complaint. Checked by every import and every send.
        Db.exec(c, """
                CREATE TABLE suppressions (
                  hash TEXT NOT NULL,
                  channel TEXT NOT NULL,
                  reason TEXT NOT NULL,
                  at INTEGER NOT NULL,
                  PRIMARY KEY (hash, channel)) WITHOUT ROWID""");
        // Unsubscribes, bounces and confirmations already applied (an e-mail read from the mailbox, a row of a
        // file), by a SHA-256 of the item's key: reading the same mail twice records nothing twice.
        Db.exec(c, """
                CREATE TABLE feedback_applied (
                  key TEXT PRIMARY KEY,
                  at INTEGER NOT NULL) WITHOUT ROWID""");
        // Every message Cristal sent (or held back) to a contact: their history, the frequency cap's count,
        // results. contact becomes null when the contact is erased: the figures stay, anonymised.
        Db.exec(c, """
                CREATE TABLE deliveries (
                  id INTEGER PRIMARY KEY,
                  contact INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
                  entry INTEGER,
                  story_id TEXT NOT NULL,
                  channel TEXT NOT NULL,
                  purpose TEXT NOT NULL,
                  outcome TEXT NOT NULL,
                  detail TEXT NOT NULL DEFAULT '',
                  at INTEGER NOT NULL)""");
        // Covering for the segments' "received story = …" and "received since …" (outcome and contact in the
        // index: no read of the table's rows).
        Db.exec(c, "CREATE INDEX deliveries_contact ON deliveries(contact, at, outcome, story_id, channel)");
        Db.exec(c, "CREATE INDEX deliveries_story ON deliveries(story_id, channel, at, outcome, contact)");
        Db.exec(c, "CREATE INDEX deliveries_entry ON deliveries(entry)");
        // Saved segments: a name and an expression (docs/audience.md, "Segments").
        Db.exec(c, """
                CREATE TABLE segments (
                  name TEXT PRIMARY KEY COLLATE NOCASE,
                  expression TEXT NOT NULL,
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL)""");
        // The salt of the address hashes (suppression list, send journals): random, the workspace's own.
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)")) {
            ps.setString(1, "audience.salt");
            ps.setString(2, HexFormat.of().formatHex(salt));
            ps.executeUpdate();
        }
    }
}
