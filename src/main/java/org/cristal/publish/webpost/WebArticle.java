package org.cristal.publish.webpost;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.story.Story;
import org.cristal.story.WebPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A story as a blog engine takes it: the article's body HTML from the web rendition (not the whole page:
 * the blog's theme supplies the head, header and title), the summary as excerpt, the tags, the slug, and
 * the images the body and the hero use, to upload before the post.
 *
 * @param title   the story's title on one line
 * @param html    the body, then the call to action, with images still at their page paths
 * @param excerpt the summary on one line, or ""
 * @param slug    the page's slug, also the post's: how a re-publish finds the post it made
 * @param hero    the hero image, when the page shows one from the workspace
 * @param images  page path → bytes of every image the body uses
 */
public record WebArticle(String title, String html, String excerpt, List<String> tags, String slug,
        Optional<Image> hero, Map<String, byte[]> images) {

    /** An image to upload: its page path, a file name, its media type, bytes and alternative text. */
    public record Image(String path, String fileName, String mediaType, byte[] bytes, String alt) {
    }

    public static WebArticle of(PublishRequest request) {
        WebPage page = request.renditions().web().body();
        Story story = request.story().story();
        Document doc = Jsoup.parse(page.html());
        doc.outputSettings().prettyPrint(false);
        Element body = doc.selectFirst(".story-body");
        StringBuilder html = new StringBuilder(body == null ? "" : body.html().strip());
        Element cta = doc.selectFirst("article p.cta");
        if (cta != null) {
            html.append("\n").append(cta.outerHtml());
        }
        Optional<Image> hero = Optional.empty();
        Element heroImg = doc.selectFirst("article .hero img");
        if (heroImg != null && page.files().containsKey(heroImg.attr("src"))) {
            String path = heroImg.attr("src");
            hero = Optional.of(new Image(path, fileName(path), mediaType(path), page.files().get(path),
                    heroImg.attr("alt")));
        }
        Map<String, byte[]> images = new java.util.LinkedHashMap<>();
        if (body != null) {
            for (Element img : body.select("img[src]")) {
                String src = img.attr("src");
                if (page.files().containsKey(src)) {
                    images.put(src, page.files().get(src));
                }
            }
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String t : story.tags()) {
            String tag = oneLine(t);
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        String slug = page.entry().slug().isEmpty() ? story.webSlug() : page.entry().slug();
        // Title and excerpt as the page shows them: merge tags already read as their fallback.
        Element h1 = doc.selectFirst("article h1");
        Element lede = doc.selectFirst("article p.lede");
        return new WebArticle(h1 != null ? h1.text() : oneLine(story.title()), html.toString(),
                lede != null ? lede.text() : oneLine(story.summary()),
                new ArrayList<>(tags), slug, hero, images);
    }

    /** The body with each uploaded image's page path replaced by its address on the blog. */
    public String htmlWith(Map<String, String> uploaded) {
        if (uploaded.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (Element img : doc.body().select("img[src]")) {
            String url = uploaded.get(img.attr("src"));
            if (url != null) {
                img.attr("src", url);
            }
        }
        return doc.body().html();
    }

    /** An image for an upload, by its page path. */
    public Image image(String path) {
        Image h = hero.orElse(null);
        if (h != null && h.path().equals(path)) {
            return h;
        }
        return new Image(path, fileName(path), mediaType(path), images.get(path), "");
    }

    static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(slash + 1);
    }

    static String mediaType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".png")) {
            return "image/png";
        } else if (p.endsWith(".gif")) {
            return "image/gif";
        } else if (p.endsWith(".webp")) {
            return "image/webp";
        } else if (p.endsWith(".svg")) {
            return "image/svg+xml";
        } else if (p.endsWith(".avif")) {
            return "image/avif";
        }
        return "image/jpeg";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
