package org.cristal.story;

/**
 * An image or other file a story refers to, with its bytes. Width and height are in pixels, 0 when
 * unknown (not an image, or unreadable).
 */
public record Asset(String name, String mediaType, byte[] bytes, int width, int height) {
    public boolean isImage() {
        return mediaType.startsWith("image/") && width > 0 && height > 0;
    }

    /** The name without its folders ({@code images/hero.jpg} → {@code hero.jpg}): what an upload is called. */
    public String fileName() {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash >= 0 ? name.substring(slash + 1) : name;
    }
}
