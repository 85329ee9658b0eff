package org.cristal.library;

import java.util.List;

/**
 * What an import did: the ids of the stories and brand kits saved, the asset names stored, the
 * files skipped with their reason, and the image references that pointed to no file.
 */
public record ImportResult(List<String> stories, List<String> brands, List<String> assets, List<Skipped> skipped,
        List<String> missingImages) {

    public ImportResult {
        stories = List.copyOf(stories);
        brands = List.copyOf(brands);
        assets = List.copyOf(assets);
        skipped = List.copyOf(skipped);
        missingImages = List.copyOf(missingImages);
    }

    /**
     * A file that was not imported: its path relative to the imported folder, the 1-based line of the
     * problem (0 when unknown), the message key, and the reason in the importer's language.
     */
    public record Skipped(String file, int line, String key, String reason) {
    }
}
