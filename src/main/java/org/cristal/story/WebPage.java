package org.cristal.story;

import java.util.Map;

/**
 * A complete HTML5 page and the files it links to.
 *
 * @param files relative path (as used in the page, e.g. {@code images/hero-levain.jpg}) → bytes
 */
public record WebPage(String html, Map<String, byte[]> files) implements RenditionBody {
    public WebPage {
        files = Map.copyOf(files);
    }
}
