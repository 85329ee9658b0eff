package org.cristal.library;

import java.nio.file.Path;
import java.util.List;

/**
 * The files an export wrote, what it refused to write (each with its reason, localized), and the
 * stories written from typing autosaved after their last revision.
 */
public record ExportResult(List<Path> files, List<String> skipped, List<AutosavedDraft> drafts) {
    public ExportResult {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        drafts = List.copyOf(drafts);
    }
}
