package org.cristal.ui.preview;

import java.util.Base64;
import java.util.Map;
import org.cristal.render.Images;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * For the previews only: the page's images, which an export writes next to the HTML, become
 * {@code data:} URIs, so the WebView shows them without files on disk or any network access.
 */
final class InlineImages {
    private InlineImages() {
    }

    static String inline(String html, Map<String, byte[]> files) {
        if (files.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parse(html);
        for (Element img : doc.select("img[src]")) {
            byte[] bytes = files.get(img.attr("src"));
            if (bytes != null) {
                img.attr("src", "data:" + Images.mediaType(img.attr("src")) + ";base64,"
                        + Base64.getEncoder().encodeToString(bytes));
            }
        }
        return doc.outerHtml();
    }
}
