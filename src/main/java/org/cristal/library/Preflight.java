package org.cristal.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;

/**
 * Decides, without writing a single byte, whether an existing file may be opened as a workspace.
 * Opening a stranger's file read-write would be enough to damage it (setting WAL mode rewrites the
 * header, a migration adds tables), so the file is first read as plain bytes, then through a
 * read-only SQLite connection, and only a file that passes every check is opened for writing.
 */
final class Preflight {
    private static final long FULL_CHECK_MAX_BYTES = 256L * 1024 * 1024;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** What the read-only look found. {@code blank}: a SQLite file with nothing in it yet. */
    record Verdict(int version, boolean blank) {
    }

    private Preflight() {
    }

    static Verdict check(Path file) {
        return check(file, false);
    }

    /** {@code readOnly}: a file Cristal may not change, looked at without creating anything beside it. */
    static Verdict check(Path file, boolean readOnly) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        Path shm = file.resolveSibling(file.getFileName() + "-shm");
        boolean hadWal = Files.exists(wal);
        boolean hadShm = Files.exists(shm);
        try {
            // quick_check reads every page: a few milliseconds for a client's workspace, but about ten
            // seconds for a 1 GB one (100,000 stories). Such a file is fully checked only when it was
            // not closed cleanly (its WAL is still there); otherwise the cheap checks run and
            // Workspace.integrityCheck() is there for an explicit check.
            boolean full = hadWal || Files.size(file) <= FULL_CHECK_MAX_BYTES;
            return look(file, full, readOnly ? Db.readOnlyUrl(file) : Db.url(file));
        } catch (IOException e) {
            throw new WorkspaceException(e, "workspace.error.cannotOpen", file.getFileName(), e.getMessage());
        } catch (WorkspaceException e) {
            // A read-only SQLite connection to a WAL-mode file still creates empty -wal/-shm files
            // next to it. A refused file must be left as found, so remove those we caused.
            removeIfCreated(wal, hadWal, true);
            removeIfCreated(shm, hadShm, false);
            throw e;
        }
    }

    private static void removeIfCreated(Path sidecar, boolean existed, boolean onlyIfEmpty) {
        try {
            if (!existed && Files.exists(sidecar) && (!onlyIfEmpty || Files.size(sidecar) == 0)) {
                Files.delete(sidecar);
            }
        } catch (IOException ignored) {
            // Best effort: an empty side file is harmless.
        }
    }

    private static Verdict look(Path file, boolean full, String url) {
        String shown = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] header = new byte[MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) < header.length || !Arrays.equals(header, MAGIC)) {
                throw new WorkspaceException("workspace.error.notWorkspace", shown);
            }
        } catch (IOException e) {
            throw new WorkspaceException(e, "workspace.error.cannotOpen", shown, e.getMessage());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        int appId;
        int version;
        int objects;
        try (Connection c = config.createConnection(url)) {
            appId = intPragma(c, "PRAGMA application_id");
            version = intPragma(c, "PRAGMA user_version");
            objects = intPragma(c, "SELECT count(*) FROM sqlite_schema");
            boolean blank = appId == 0 && version == 0 && objects == 0;
            if (!blank && appId != Migrations.APPLICATION_ID) {
                throw new WorkspaceException("workspace.error.foreign", shown);
            }
            if (version > Migrations.latest()) {
                throw new WorkspaceException("workspace.error.tooNew", shown, version, Migrations.latest());
            }
            long pages = intPragma(c, "PRAGMA page_count");
            long pageSize = intPragma(c, "PRAGMA page_size");
            if (pages * pageSize > Files.size(file) && !Files.exists(file.resolveSibling(file.getFileName() + "-wal"))) {
                // The header promises more pages than the file holds: a truncated copy.
                throw new WorkspaceException("workspace.error.corrupt", shown);
            }
            if (full) {
                try (PreparedStatement ps = c.prepareStatement("PRAGMA quick_check");
                        ResultSet rs = ps.executeQuery()) {
                    String first = rs.next() ? rs.getString(1) : "";
                    if (!"ok".equals(first)) {
                        throw new WorkspaceException("workspace.error.corrupt", shown);
                    }
                }
            }
            return new Verdict(version, blank);
        } catch (IOException e) {
            throw new WorkspaceException(e, "workspace.error.cannotOpen", shown, e.getMessage());
        } catch (SQLException e) {
            // "file is not a database", "database disk image is malformed": a header that lies. A full or
            // read-only disk and a refused permission are said as such: the file may well be fine.
            throw Faults.of(e, file, (cause, reason) -> new WorkspaceException(cause, "workspace.error.corrupt", shown));
        }
    }

    private static int intPragma(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
