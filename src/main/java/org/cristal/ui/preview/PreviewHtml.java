package org.cristal.ui.preview;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a rendition's HTML into the copy a preview shows; the exported file is never touched.
 *
 * <p>Images: the page refers to its files by relative path ({@code images/hero.jpg}) and a page
 * loaded from a string has no base URL, so each {@code <img>} whose source is one of the files gets
 * a {@code data:} URI. The renderers' Content-Security-Policy already allows {@code data:} images, so
 * nothing is relaxed, no temporary file is written and nothing outside the rendition is read.
 * Encoded images are cached by path and content: typing re-renders every few hundred milliseconds
 * with the same images.
 *
 * <p>Links: a click in a preview must not leave it for the network, so links keep their look but lose
 * their {@code href} (kept as a tooltip). Scripts and refreshes are dropped as a last wall behind the
 * renderers' sanitising and the view's disabled JavaScript.
 *
 * <p>Thread-safe (one preparation at a time); meant to run on the background executor.
 */
final class PreviewHtml {
    static final String HREF = "data-preview-href";
    /** Links without href lose the browser's underline; this gives it back without outranking page styles. */
    private static final String LINK_STYLE = ":where(a[" + HREF + "]){text-decoration:underline}";

    private record Encoded(byte[] bytes, String uri) {
    }

    private Map<String, Encoded> cache = new HashMap<>();

    String prepare(String html, Map<String, byte[]> files) {
        return prepareDocument(html, files).outerHtml();
    }

    /** The prepared copy as a parsed document, for the view to compare with the page it shows. */
    synchronized Document prepareDocument(String html, Map<String, byte[]> files) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false);
        Map<String, Encoded> used = new HashMap<>();
        for (Element img : doc.select("img[src]")) {
            String src = img.attr("src");
            byte[] bytes = files.get(src.startsWith("./") ? src.substring(2) : src);
            if (bytes != null) {
                img.attr("src", encode(src, bytes, used));
            }
        }
        for (Element link : doc.select("a[href], area[href]")) {
            String href = link.attr("href");
            link.removeAttr("href").attr(HREF, href);
            if (!link.hasAttr("title")) {
                link.attr("title", href);
            }
        }
        doc.select("script, meta[http-equiv~=(?i)refresh], base").remove();
        doc.head().appendElement("style").appendText(LINK_STYLE);
        cache = used;
        return doc;
    }

    private String encode(String path, byte[] bytes, Map<String, Encoded> used) {
        Encoded known = used.containsKey(path) ? used.get(path) : cache.get(path);
        if (known == null || !Arrays.equals(known.bytes(), bytes)) {
            known = new Encoded(bytes, "data:" + mediaType(path) + ";base64," + Base64.getEncoder().encodeToString(bytes));
        }
        used.put(path, known);
        return known.uri();
    }

    static String mediaType(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "image/png";
        } else if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (name.endsWith(".gif")) {
            return "image/gif";
        } else if (name.endsWith(".webp")) {
            return "image/webp";
        } else if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }
}
