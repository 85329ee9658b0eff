package org.cristal.library;

import java.nio.file.Path;
import java.util.List;

/** The files an export wrote, and what it refused to write (each with its reason, localized). */
public record ExportResult(List<Path> files, List<String> skipped) {
    public ExportResult {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }
}
