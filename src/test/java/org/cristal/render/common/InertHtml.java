package org.cristal.render.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import java.util.Set;
import org.cristal.story.Urls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Asserts that an HTML output can run nothing and load nothing from elsewhere. */
public final class InertHtml {
    // JSON-LD is a data block: browsers never run a script element whose type is not JavaScript.
    private static final String ACTIVE = "script:not([type=application/ld+json]), iframe, frame, frameset, object, embed, applet, form, input, button, "
            + "textarea, select, svg, math, base, link[rel=import], meta[http-equiv=refresh]";
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "srcset",
            "poster", "background", "cite", "longdesc", "xlink:href", "data", "codebase");

    private InertHtml() {
    }

    public static void assertInert(String html, boolean remoteImagesAllowed) {
        Document d = Jsoup.parse(html);
        assertEquals("", d.select(ACTIVE).outerHtml(), "active element in output");
        for (Element e : d.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                assertFalse(key.startsWith("on"), "event handler " + a + " on <" + e.tagName() + ">");
                String value = a.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                if (URL_ATTRIBUTES.contains(key)) {
                    for (String scheme : new String[] {"javascript:", "data:", "vbscript:", "file:"}) {
                        assertFalse(value.startsWith(scheme), "dangerous URL " + a + " on <" + e.tagName() + ">");
                    }
                }
                if (key.equals("style")) {
                    assertFalse(value.contains("url(") || value.contains("expression(") || value.contains("javascript:"),
                            "active style " + a);
                }
            }
        }
        for (Element data : d.select("script[type=application/ld+json]")) {
            assertFalse(data.data().contains("<"), "JSON-LD holds markup: " + data.data());
        }
        for (Element style : d.select("style")) {
            String css = style.data().toLowerCase(Locale.ROOT);
            assertFalse(css.contains("url(") || css.contains("@import") || css.contains("expression("),
                    "style sheet loads or runs something");
        }
        if (!remoteImagesAllowed) {
            for (Element img : d.select("img")) {
                assertFalse(Urls.isRemote(img.attr("src")), "remote image " + img);
            }
        }
    }
}
