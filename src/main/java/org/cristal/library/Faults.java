package org.cristal.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.BiFunction;
import org.sqlite.SQLiteException;

/**
 * Turns what SQLite says about the file under a workspace into what the user can act on: a read-only
 * disk, a full disk, a refused permission, a failing disk. Without this every such fault looked like
 * damage ("restore it from a backup"), which could make someone overwrite a good file. The raw
 * {@code [SQLITE_…]} text stays in the cause, for the log.
 */
final class Faults {
    // SQLite's primary result codes (the low byte of an extended code).
    private static final int PERM = 3;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int AUTH = 23;
    private static final int NOTADB = 26;

    private Faults() {
    }

    /**
     * The exception for {@code e} met while using {@code file}; {@code fallback} builds the one for a
     * fault that is none of the above, from the cause and SQLite's explanation without its code.
     */
    static WorkspaceException of(SQLException e, Path file, BiFunction<SQLException, String, WorkspaceException> fallback) {
        String shown = shown(file);
        switch (primary(e)) {
            case FULL:
                return new WorkspaceException(e, "workspace.error.diskFull", shown);
            case READONLY:
                return new WorkspaceException(e, "workspace.error.readOnly", shown);
            case PERM, AUTH:
                return new WorkspaceException(e, "workspace.error.permission", shown);
            case CANTOPEN:
                if (Files.exists(file) && !Files.isReadable(file)) {
                    return new WorkspaceException(e, "workspace.error.permission", shown);
                }
                if (!writable(file)) {
                    return new WorkspaceException(e, "workspace.error.readOnly", shown);
                }
                break;
            case IOERR:
                return new WorkspaceException(e, "workspace.error.io", shown);
            case CORRUPT, NOTADB:
                return new WorkspaceException(e, "workspace.error.corrupt", shown);
            default:
                break;
        }
        return fallback.apply(e, plain(e));
    }

    /**
     * Whether Cristal may change the file: the file and its folder (SQLite writes its journal beside the
     * file) are writable. False on a read-only medium even for root, false for a file without write
     * permission or marked immutable.
     */
    static boolean writable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return (!Files.exists(file) || Files.isWritable(file)) && (dir == null || Files.isWritable(dir));
    }

    static String shown(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    private static int primary(SQLException e) {
        int code = e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode();
        return code & 0xff;
    }

    /** SQLite's explanation without the "[SQLITE_BUSY]" codes sqlite-jdbc puts in front. */
    static String plain(SQLException e) {
        String m = String.valueOf(e.getMessage()).replaceAll("\\[SQLITE_[A-Z_]+\\]\\s*", "").strip();
        // sqlite-jdbc repeats the explanation: "The database file is locked (database is locked)".
        int paren = m.lastIndexOf(" (");
        return paren > 0 && m.endsWith(")") ? m.substring(0, paren) : m;
    }
}
