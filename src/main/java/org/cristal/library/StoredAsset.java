package org.cristal.library;

import org.cristal.story.Asset;

/**
 * A file kept inside the workspace (an image, a font), under its normalised path such as
 * {@code images/hero-levain.jpg}. Width and height are 0 when it is not a readable image.
 *
 * @param intact false when the bytes no longer match the SHA-256 stored with them: the file was damaged
 *               inside the workspace, and must not be handed on as if it were good
 */
public record StoredAsset(String name, String mediaType, byte[] bytes, String sha256, int width, int height,
        String alt, boolean intact) {

    /** The file name, last part of the path. */
    public String fileName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /**
     * As renderers see it (named by file name, like {@code FileAssets} does). A damaged asset comes with no
     * bytes and no size, so renderers report it as an image that cannot be read instead of embedding it.
     */
    public Asset toAsset() {
        return intact ? new Asset(fileName(), mediaType, bytes, width, height)
                : new Asset(fileName(), "application/octet-stream", new byte[0], 0, 0);
    }
}
