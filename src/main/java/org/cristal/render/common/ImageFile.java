package org.cristal.render.common;

import org.cristal.story.Asset;

/**
 * A story or brand image copied next to an output, under {@code images/<name>}.
 *
 * @param name  file name, unique within one output and safe in a URL and on any file system
 * @param asset the resolved image
 */
public record ImageFile(String name, Asset asset) {
    public String path() {
        return "images/" + name;
    }

    public int width() {
        return asset.width();
    }

    public int height() {
        return asset.height();
    }

    /** Height for a given display width, keeping the aspect ratio. */
    public int heightFor(int displayWidth) {
        return asset.width() == 0 ? 0 : (int) Math.round((double) asset.height() * displayWidth / asset.width());
    }
}
