package org.cristal.story;

import java.util.Map;
import java.util.Objects;

/**
 * A complete HTML5 page, the files it links to, and its place on the site.
 *
 * @param files relative path (as used in the page, e.g. {@code images/hero-levain.jpg}) → bytes
 * @param entry the page's slug, file path, canonical address and feed entries
 */
public record WebPage(String html, Map<String, byte[]> files, FeedEntry entry) implements RenditionBody {
    public WebPage {
        files = Map.copyOf(files);
        entry = Objects.requireNonNullElse(entry, FeedEntry.NONE);
    }

    /** A page without a site entry. */
    public WebPage(String html, Map<String, byte[]> files) {
        this(html, files, FeedEntry.NONE);
    }
}
