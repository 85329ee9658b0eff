package org.cristal.library;

import org.cristal.story.Asset;

/**
 * A file kept inside the workspace (an image, a font), under its normalised path such as
 * {@code images/hero-levain.jpg}. Width and height are 0 when it is not a readable image.
 */
public record StoredAsset(String name, String mediaType, byte[] bytes, String sha256, int width, int height,
        String alt) {

    /** The file name, last part of the path. */
    public String fileName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** As renderers see it (named by file name, like {@code FileAssets} does). */
    public Asset toAsset() {
        return new Asset(fileName(), mediaType, bytes, width, height);
    }
}
