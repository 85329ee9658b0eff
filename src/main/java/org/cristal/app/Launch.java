package org.cristal.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the arguments ask for: the studio (on a file, when a double-click or {@code cristal x.cristal}
 * gives one), the command line, or the startup benchmark's empty window. One argument naming a workspace
 * or a Markdown file opens the studio, even when the file is missing, so that the studio says so in the
 * user's language; everything else stays a command as before.
 */
record Launch(Kind kind, Optional<Path> file) {
    enum Kind { STUDIO, CLI, EMPTY_WINDOW }

    private static final String[] OPENED = {".cristal", ".md", ".markdown"};

    static Launch of(String... args) {
        if (args.length == 0) {
            return new Launch(Kind.STUDIO, Optional.empty());
        }
        if (args.length == 1 && args[0].equals(Main.EMPTY_WINDOW)) {
            return new Launch(Kind.EMPTY_WINDOW, Optional.empty());
        }
        if (args.length == 1 && !args[0].startsWith("-")) {
            Optional<Path> file = openable(args[0]);
            if (file.isPresent()) {
                return new Launch(Kind.STUDIO, file);
            }
        }
        return new Launch(Kind.CLI, Optional.empty());
    }

    private static Optional<Path> openable(String arg) {
        String name = arg.toLowerCase(Locale.ROOT);
        for (String suffix : OPENED) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                try {
                    return Optional.of(Path.of(arg).toAbsolutePath().normalize());
                } catch (InvalidPathException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
