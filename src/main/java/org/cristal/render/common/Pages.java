package org.cristal.render.common;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.cristal.story.Brand;
import org.cristal.story.Story;
import org.cristal.story.Urls;

/** Where a story lives on its brand's website, shared by the page and the links other channels make to it. */
public final class Pages {
    private Pages() {
    }

    /** The story's address segment: {@link Story#webSlug()}. */
    public static String slug(Story story) {
        return story.webSlug();
    }

    /** The brand website as a base URL without trailing slash, when it is a usable http(s) address. */
    public static Optional<String> website(Brand brand) {
        Optional<String> url = Urls.safeLink(brand.website());
        if (url.isEmpty() || !url.get().toLowerCase(Locale.ROOT).startsWith("http")) {
            return Optional.empty();
        }
        String u = url.get();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return Optional.of(u);
    }

    /** {@code website/slug}: the address the published page is expected at. */
    public static Optional<String> canonical(Brand brand, Story story) {
        return website(brand).map(w -> w + "/" + slug(story));
    }

    /** A path relative to the page, made absolute the way a browser would from the page's address. */
    public static String absolute(String pageUrl, String relative) {
        try {
            return URI.create(pageUrl).resolve(relative).toString();
        } catch (IllegalArgumentException e) {
            return relative;
        }
    }
}
