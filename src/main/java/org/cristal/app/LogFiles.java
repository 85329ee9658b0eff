package org.cristal.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log file an installed app keeps where the platform keeps logs, rotated (1 MB × 5), every record
 * passed through {@link Redactor} so that no e-mail address, secret, user name or home path lands in it.
 * The file opens at the first record, so a run that logs nothing (most command lines) costs nothing; a
 * folder that cannot be written leaves the app running without a log file.
 */
final class LogFiles {
    static final int LIMIT_BYTES = 1024 * 1024;
    static final int COUNT = 5;
    // Strong reference: java.util.logging holds loggers weakly, and a collected root would lose its handler.
    private static final Logger ROOT = Logger.getLogger("");

    private LogFiles() {
    }

    /** The platform's log folder of this user. */
    static Path folder() {
        return folder(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Linux and other Unix: {@code $XDG_STATE_HOME/cristal/logs} or {@code ~/.local/state/cristal/logs};
     * macOS: {@code ~/Library/Logs/Cristal}; Windows: {@code %LOCALAPPDATA%\Cristal\Logs}.
     */
    static Path folder(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local);
            return base.resolve("Cristal").resolve("Logs");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Logs").resolve("Cristal");
        }
        String xdg = env.get("XDG_STATE_HOME");
        // As for XDG_DATA_HOME: a relative value is invalid and ignored.
        Path base = xdg == null || xdg.isBlank() || !Path.of(xdg).isAbsolute() ? home.resolve(".local").resolve("state")
                : Path.of(xdg);
        return base.resolve("cristal").resolve("logs");
    }

    /** Sends records of {@code level} and above to the log folder; returns the handler added to the root logger. */
    static Handler install(Path folder, Level level, int limitBytes, int count) {
        Handler handler = new LazyFile(folder, limitBytes, count);
        handler.setLevel(level);
        handler.setFormatter(new Redactor());
        ROOT.addHandler(handler);
        if (ROOT.getLevel() == null || ROOT.getLevel().intValue() > level.intValue()) {
            ROOT.setLevel(level);
        }
        return handler;
    }

    static Handler install(Level level) {
        return install(folder(), level, LIMIT_BYTES, COUNT);
    }

    /** A rotating file handler opened at the first record it must write. */
    private static final class LazyFile extends Handler {
        private final Path folder;
        private final int limit;
        private final int count;
        private FileHandler file;
        private boolean failed;

        LazyFile(Path folder, int limit, int count) {
            this.folder = folder;
            this.limit = limit;
            this.count = count;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (!isLoggable(record) || failed) {
                return;
            }
            if (file == null) {
                try {
                    Files.createDirectories(folder);
                    // %g is the rotation number; a literal % in the folder's name must be doubled for FileHandler.
                    String pattern = folder.resolve("cristal-%g.log").toString().replace("%", "%%")
                            .replace("%%g", "%g");
                    file = new FileHandler(pattern, limit, count, true);
                    file.setEncoding("UTF-8");
                    file.setFormatter(getFormatter());
                    file.setLevel(getLevel());
                } catch (IOException | RuntimeException e) {
                    // The app goes on without a log file; say it once where a developer would look.
                    failed = true;
                    System.err.println("Cristal: no log file in " + folder + " (" + e.getClass().getSimpleName() + ")");
                    return;
                }
            }
            file.publish(record);
            file.flush();
        }

        @Override
        public synchronized void flush() {
            if (file != null) {
                file.flush();
            }
        }

        @Override
        public synchronized void close() {
            if (file != null) {
                file.close();
                file = null;
            }
        }
    }
}
