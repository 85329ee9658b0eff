package org.cristal.library;

import java.nio.file.Path;

/** Runs {@link LibraryBench} by hand: {@code BenchMain FILE STORIES [QUERIES]}. Not a test. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int q = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        try {
            java.nio.file.Files.deleteIfExists(Path.of(args[0]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.err.println(LibraryBench.run(Path.of(args[0]), n, q, 42));
    }
}
