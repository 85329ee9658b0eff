package org.cristal.library;

import java.nio.file.Path;

/**
 * Child process of {@link MigrationCrashTest}: opens (and so migrates) the workspace in {@code args[0]}
 * until it is killed. A first, new workspace loads the classes, so "migrating" comes just before the work.
 */
public final class MigrationChild {
    private MigrationChild() {
    }

    public static void main(String[] args) {
        try (Workspace warm = Workspace.open(Path.of(args[1]))) {
            warm.stories().count();
        }
        System.out.println("migrating");
        System.out.flush();
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            System.out.println("done " + ws.formatVersion());
        }
    }
}
