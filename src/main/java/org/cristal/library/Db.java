package org.cristal.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.cristal.library.audience.FoldFunction;
import org.sqlite.SQLiteConfig;

/**
 * The connections of one open workspace: a single writer guarded by a lock, and a small pool of
 * read-only connections. SQLite allows one writer at a time anyway; funnelling every write through
 * one connection turns "database is locked" races between our own threads into plain waiting on a
 * Java lock. In WAL mode readers never block the writer nor each other, so the studio can search
 * while an import runs.
 *
 * <p>Public so that library's sub-packages ({@code library.audience}) share the same single writer; only
 * {@link Workspace} opens one.
 */
public final class Db implements AutoCloseable {
    private static final int MAX_READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    /** A unit of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path file;
    /** Null when the file is opened read-only. */
    private final Connection writer;
    private final String readerUrl;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> idle = new LinkedBlockingQueue<>();
    private final List<Connection> readers = new ArrayList<>();
    private volatile boolean closed;

    private Db(Path file, Connection writer, String readerUrl) {
        this.file = file;
        this.writer = writer;
        this.readerUrl = readerUrl;
    }

    static Db open(Path file) throws SQLException {
        return open(file, false);
    }

    /**
     * Opens the file; {@code readOnly} for a file Cristal may not change (a read-only medium, no write
     * permission): no writer then, and readers that create no {@code -wal}/{@code -shm} beside it.
     */
    static Db open(Path file, boolean readOnly) throws SQLException {
        if (readOnly) {
            Db db = new Db(file, null, readOnlyUrl(file));
            // Fails now, not at the first read, when even reading is impossible.
            try {
                db.read(c -> {
                    exec(c, "SELECT count(*) FROM sqlite_schema");
                    return null;
                });
            } catch (WorkspaceException e) {
                db.close();
                throw e;
            }
            return db;
        }
        Connection w = new SQLiteConfig().createConnection(url(file));
        try (Statement st = w.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            st.execute("PRAGMA journal_mode = WAL");
            // In WAL mode, NORMAL only syncs the WAL at checkpoints, not at every commit. A crash of
            // the application (even kill -9) loses nothing that was committed, since the WAL is in the
            // OS cache; a power cut may lose the last few commits but can never corrupt the file,
            // because the WAL's checksummed frames are replayed or dropped as whole transactions.
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("PRAGMA cache_size = -32000");
            // Deleted content is overwritten with zeros, not left in free pages: an erased contact's address
            // must not stay readable in the file (GDPR erasure, docs/audience.md).
            st.execute("PRAGMA secure_delete = ON");
            FoldFunction.install(w);
        } catch (SQLException e) {
            w.close();
            throw e;
        }
        return new Db(file, w, url(file));
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /**
     * For a file Cristal may not change. A WAL-mode file read through an ordinary read-only connection
     * still needs a {@code -shm} (and makes a {@code -wal}) beside it, impossible on a read-only medium and
     * litter elsewhere; {@code immutable=1} reads the file alone. A file with a journal left by a crash is
     * read through that journal instead, or its last changes would be missing.
     */
    static String readOnlyUrl(Path file) {
        Path abs = file.toAbsolutePath();
        if (Files.exists(abs.resolveSibling(abs.getFileName() + "-wal"))) {
            return url(file);
        }
        return "jdbc:sqlite:" + abs.toUri() + "?immutable=1";
    }

    public boolean readOnly() {
        return writer == null;
    }

    Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one write transaction (BEGIN IMMEDIATE … COMMIT), rolled back if it throws.
     * Re-entrant: a write inside a write joins the outer transaction.
     */
    public <T> T write(Work<T> work) {
        if (writer == null) {
            ensureOpen();
            throw new WorkspaceException("workspace.error.readOnly", Faults.shown(file));
        }
        writeLock.lock();
        try {
            ensureOpen();
            if (writeLock.getHoldCount() > 1) {
                return work.run(writer);
            }
            exec(writer, "BEGIN IMMEDIATE");
            boolean ok = false;
            try {
                T result = work.run(writer);
                exec(writer, "COMMIT");
                ok = true;
                return result;
            } finally {
                if (!ok) {
                    rollbackQuietly();
                }
            }
        } catch (SQLException e) {
            throw Faults.of(e, file, (cause, reason) -> new WorkspaceException(cause, "workspace.error.write", reason));
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Rewrites the file without its free pages ({@code VACUUM}, outside any transaction), then empties the
     * log. Needs as much free disk as the file takes; if it fails the file is as it was, only larger.
     */
    void vacuum() throws SQLException {
        writeLock.lock();
        try {
            ensureOpen();
            exec(writer, "VACUUM");
            exec(writer, "PRAGMA wal_checkpoint(TRUNCATE)");
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Copies the write-ahead log into the file and empties it ({@code wal_checkpoint(TRUNCATE)}): after an
     * erasure, so that deleted personal data does not linger in the log. Best effort: a reader in the middle
     * of a long read may keep the log until the next checkpoint.
     */
    public void checkpoint() {
        if (writer == null) {
            return;
        }
        writeLock.lock();
        try {
            ensureOpen();
            exec(writer, "PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw Faults.of(e, file, (cause, reason) -> new WorkspaceException(cause, "workspace.error.write", reason));
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} on a consistent snapshot. A thread that is inside {@link #write} reads through
     * the writer, so it sees its own uncommitted changes and cannot wait on itself.
     */
    public <T> T read(Work<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            try {
                return work.run(writer);
            } catch (SQLException e) {
                throw readFault(e);
            }
        }
        Connection c = borrow();
        boolean done = false;
        try {
            exec(c, "BEGIN");
            T result = work.run(c);
            // Not in a finally: a failing COMMIT must not hide the work's own error (giveBack rolls back).
            exec(c, "COMMIT");
            done = true;
            return result;
        } catch (SQLException e) {
            throw readFault(e);
        } finally {
            // Any failure, a WorkspaceException from the work too, must not leave the reader in its transaction.
            giveBack(c, !done);
        }
    }

    private Connection borrow() {
        ensureOpen();
        Connection c = idle.poll();
        if (c != null) {
            return c;
        }
        synchronized (readers) {
            if (readers.size() < MAX_READERS) {
                try {
                    SQLiteConfig config = new SQLiteConfig();
                    config.setReadOnly(true);
                    c = config.createConnection(readerUrl);
                    try {
                        exec(c, "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                        exec(c, "PRAGMA cache_size = -16000");
                        // Counting a segment reads the whole contacts table: mapped, its pages are read from the
                        // OS cache without a copy and a system call each.
                        exec(c, "PRAGMA mmap_size = 268435456");
                        FoldFunction.install(c);
                    } catch (SQLException e) {
                        closeQuietly(c);
                        throw e;
                    }
                    readers.add(c);
                    return c;
                } catch (SQLException e) {
                    throw readFault(e);
                }
            }
        }
        try {
            while (true) {
                c = idle.poll(100, TimeUnit.MILLISECONDS);
                if (c != null) {
                    return c;
                }
                ensureOpen();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceException(e, "workspace.error.closed");
        }
    }

    private WorkspaceException readFault(SQLException e) {
        return Faults.of(e, file, (cause, reason) -> new WorkspaceException(cause, "workspace.error.read", reason));
    }

    private void giveBack(Connection c, boolean broken) {
        if (broken) {
            try {
                exec(c, "ROLLBACK");
            } catch (SQLException ignored) {
                // Not in a transaction any more: nothing to undo.
            }
        }
        if (closed) {
            closeQuietly(c);
        } else {
            idle.add(c);
        }
    }

    private void rollbackQuietly() {
        try {
            exec(writer, "ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite already rolled back (e.g. after SQLITE_FULL); nothing left to undo.
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new WorkspaceException("workspace.error.closed");
        }
    }

    public static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            // Only idle readers: one another thread is still reading through is closed by giveBack.
            for (Connection c = idle.poll(); c != null; c = idle.poll()) {
                closeQuietly(c);
            }
            synchronized (readers) {
                readers.clear();
            }
            // Closing the last connection checkpoints the WAL into the main file and removes it,
            // so a closed workspace is one self-contained file that can be copied or e-mailed.
            if (writer != null) {
                closeQuietly(writer);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Closing: nothing useful to do with the error.
        }
    }
}
