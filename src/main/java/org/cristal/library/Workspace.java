package org.cristal.library;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.cristal.library.audience.Audience;
import org.cristal.library.abtest.AbTests;
import org.cristal.library.persona.Personas;
import org.cristal.library.cohort.Cohorts;
import org.cristal.library.print.PrintRuns;
import org.cristal.library.scenario.Scenarios;
import org.cristal.library.results.Results;

/**
 * One workspace: a single SQLite file ({@code *.cristal}) holding stories with their history, brand
 * kits and assets. Thread-safe: writes are serialised on one connection, reads run in parallel on
 * their own connections (WAL). Close it to fold the write-ahead log back into the file.
 *
 * <p>Opening refuses — and leaves byte-for-byte untouched — anything that is not a Cristal
 * workspace: a file of another kind, another program's database, a damaged file, or a workspace
 * written by a newer Cristal.
 */
public final class Workspace implements AutoCloseable {
    private final Path path;
    private final Db db;
    private final Stories stories;
    private final Brands brands;
    private final Assets assets;
    private final Search search;
    private final WorkspaceAssets resolver;
    private final Outbox outbox;
    private final ChannelAccounts accounts;
    private final Audience audience;
    private final Results results;
    private final AbTests abTests;
    private final Personas personas;
    private final Scenarios scenarios;
    private final Cohorts cohorts;
    private final PrintRuns printRuns;

    private Workspace(Path path, Db db, Clock clock) {
        this.path = path;
        this.db = db;
        this.stories = new Stories(db, clock);
        this.brands = new Brands(db, clock);
        this.assets = new Assets(db, clock);
        this.search = new Search(db);
        this.resolver = new WorkspaceAssets(assets);
        this.outbox = new Outbox(db, clock);
        this.accounts = new ChannelAccounts(db, clock);
        this.audience = new Audience(db, clock);
        this.results = new Results(db, clock);
        this.abTests = new AbTests(db, clock);
        this.personas = new Personas(db, clock, audience);
        this.scenarios = new Scenarios(db, clock);
        this.cohorts = new Cohorts(db, clock, audience);
        this.printRuns = new PrintRuns(db, clock);
    }

    /**
     * Opens the workspace at {@code path}, creating it if the file is missing, and brings an older file
     * up to the current format. A file Cristal may not change is opened {@linkplain #readOnly() read-only};
     * an empty (0-byte) file is refused.
     *
     * @throws WorkspaceException (localized) when the file is refused or cannot be opened
     */
    public static Workspace open(Path path) {
        return open(path, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps saves. */
    public static Workspace open(Path path, Clock clock) {
        return open(path, clock, Migrations.latest());
    }

    /**
     * As {@link #open(Path)}; {@code progress} hears how far bringing an older file up to date has got
     * (0 to 1), on the opening thread, only when that takes more than a second.
     */
    public static Workspace open(Path path, DoubleConsumer progress) {
        return open(path, Clock.systemUTC(), Migrations.latest(), progress);
    }

    /** Opens and migrates up to {@code version} only: lets tests build a file as an older Cristal did. */
    static Workspace open(Path path, Clock clock, int version) {
        return open(path, clock, version, fraction -> { });
    }

    private static Workspace open(Path path, Clock clock, int version, DoubleConsumer progress) {
        Path file = path.toAbsolutePath().normalize();
        String shown = Faults.shown(file);
        boolean readOnly;
        try {
            if (Files.isDirectory(file)) {
                throw new WorkspaceException("workspace.error.notWorkspace", shown);
            }
            if (!Files.exists(file)) {
                create(file, version);
            } else if (Files.size(file) == 0) {
                // Cristal never leaves an empty workspace (see create): an empty file is someone else's, or
                // one a sync tool emptied. Making it a new workspace would hide that loss.
                throw new WorkspaceException("workspace.error.empty", shown);
            }
            readOnly = !Faults.writable(file);
            Preflight.check(file, readOnly);
        } catch (IOException e) {
            throw new WorkspaceException(e, "workspace.error.cannotOpen", shown, e.getMessage());
        }
        Db db;
        try {
            db = Db.open(file, readOnly);
        } catch (SQLException e) {
            throw Faults.of(e, file, (cause, reason) -> new WorkspaceException(cause, "workspace.error.cannotOpen",
                    shown, reason));
        }
        try {
            Migrations.migrate(db, version, progress);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new Workspace(file, db, clock);
    }

    /**
     * Makes a new workspace under a temporary name beside {@code file} and links it into place only once
     * complete, so the name never holds an empty or half-made file, and a file that appeared meanwhile is
     * never replaced.
     */
    private static void create(Path file, int version) throws IOException {
        String shown = Faults.shown(file);
        Path dir = file.getParent();
        Path temp;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, ".cristal-new-", ".tmp");
        } catch (IOException e) {
            // A read-only medium or a folder of someone else's: the reason in the user's words, not the system's.
            throw new WorkspaceException(e, "workspace.error.cannotCreate", shown, dir.toString());
        }
        try {
            try (Db db = Db.open(temp)) {
                Migrations.migrate(db, version);
            } catch (SQLException e) {
                throw Faults.of(e, file, (cause, reason) -> new WorkspaceException(cause, "workspace.error.cannotOpen",
                        shown, reason));
            }
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                // Another Cristal made it first: open theirs.
            } catch (UnsupportedOperationException | FileSystemException e) {
                // No hard links here (FAT, some network drives): a move, which never replaces a file either.
                try {
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException again) {
                    // As above.
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * True when the file was opened read-only (a read-only medium, no permission to change it): reading,
     * searching and exporting work, every change is refused with {@code workspace.error.readOnly}.
     */
    public boolean readOnly() {
        return db.readOnly();
    }

    public Path path() {
        return path;
    }

    public Stories stories() {
        return stories;
    }

    public Brands brands() {
        return brands;
    }

    public Assets assets() {
        return assets;
    }

    public Search search() {
        return search;
    }

    /** Publications, queued, sent and failed. */
    public Outbox outbox() {
        return outbox;
    }

    /** The configured publishing destinations. */
    public ChannelAccounts channelAccounts() {
        return accounts;
    }

    /** Contacts, their consent, segments and what was sent to them (docs/audience.md). */
    public Audience audience() {
        return audience;
    }

    /** What came back from publishing: services' counts, web analytics, A/B tests (docs/results.md). */
    public Results results() {
        return results;
    }

    /** The A/B tests of newsletter sends and the arm each contact is in (docs/results.md). */
    public AbTests abTests() {
        return abTests;
    }

    /** Whom stories are written for (docs/one-to-one.md). */
    public Personas personas() {
        return personas;
    }

    /** Scenarios and their versions (docs/one-to-one.md); the runs are the publisher's. */
    public Scenarios scenarios() {
        return scenarios;
    }

    /** Contacts grouped by when they joined or consented, followed period by period (docs/one-to-one.md). */
    public Cohorts cohorts() {
        return cohorts;
    }

    /** The personalised print runs and their copies (docs/one-to-one.md). */
    public PrintRuns printRuns() {
        return printRuns;
    }

    /** Shortcut for {@code search().find(query)}. */
    public List<SearchHit> search(SearchQuery query) {
        return search.find(query);
    }

    /** Resolves story image references against this workspace's assets, for the renderers. */
    public WorkspaceAssets assetResolver() {
        return resolver;
    }

    /** The format version of the file ({@code PRAGMA user_version}). */
    public int formatVersion() {
        return db.read(Migrations::userVersion);
    }

    /**
     * SQLite's full integrity check plus the search index's own: {@code ["ok"]}, or the problems
     * found, one per line. Reads the whole file: seconds for a very large workspace.
     */
    public List<String> integrityCheck() {
        List<String> out = db.read(c -> {
            List<String> problems = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("PRAGMA integrity_check"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    problems.add(rs.getString(1));
                }
            }
            return problems;
        });
        if (out.equals(List.of("ok")) && formatVersion() >= 2 && !readOnly()) {
            try {
                // FTS5 runs its check as a command, which needs the write transaction (it changes nothing).
                db.write(c -> {
                    Db.exec(c, "INSERT INTO story_fts(story_fts) VALUES ('integrity-check')");
                    return null;
                });
            } catch (WorkspaceException e) {
                return List.of("search index: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
            }
        }
        return out;
    }

    /** True when the workspace holds no story, brand or asset. */
    public boolean isEmpty() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM stories) "
                    + "+ (SELECT count(*) FROM brands) + (SELECT count(*) FROM assets)"); ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == 0;
            }
        });
    }

    /** A workspace setting, kept in the file (never a secret: those go to the OS keychain). */
    public Optional<String> setting(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public void setSetting(String key, String value) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }

    /** Merges the search index's segments: worth it after a large import. */
    public void optimizeSearch() {
        db.write(c -> {
            Db.exec(c, "INSERT INTO story_fts(story_fts) VALUES ('optimize')");
            return null;
        });
    }

    Db db() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
