package org.cristal.story;

import java.util.Objects;

/**
 * Where a web page is published on its brand's site and how it appears in the site's feeds: what a
 * static-site publisher needs to write the page, a {@code sitemap.xml} line and the feed files.
 *
 * @param slug  the story's URL segment, e.g. {@code quarante-ans-de-levain} (lower case, ASCII, hyphens)
 * @param path  the file to write, relative to the site root, e.g. {@code quarante-ans-de-levain.html}; static
 *              hosts serve it at {@code /slug}, the canonical address, and its {@code images/} beside it
 * @param url   the canonical address ({@code website/slug}), or empty when the brand has no website
 * @param atom  an Atom (RFC 4287) {@code <entry>} element, namespace declared, ready to go inside a {@code <feed>}
 * @param rss   an RSS 2.0 {@code <item>} element, ready to go inside a {@code <channel>}
 */
public record FeedEntry(String slug, String path, String url, String atom, String rss) {
    /** No entry: for pages built outside a renderer (tests, previews of hand-made HTML). */
    public static final FeedEntry NONE = new FeedEntry("", "", "", "", "");

    public FeedEntry {
        Objects.requireNonNull(slug);
        Objects.requireNonNull(path);
        Objects.requireNonNull(url);
        Objects.requireNonNull(atom);
        Objects.requireNonNull(rss);
    }
}
