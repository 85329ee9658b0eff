package org.cristal.render.web;

import java.util.List;

/**
 * The page's {@code schema.org/Article} description as JSON-LD, the structured data search engines read
 * for rich results. Every string is escaped so the block can neither end its {@code <script>} element
 * ({@code <}, {@code >} and {@code &} are written as {@code \u003c}-style escapes) nor break the JSON.
 */
final class JsonLd {
    private final StringBuilder out = new StringBuilder(1024);
    private boolean first = true;

    /** The article's facts; empty strings and zero sizes are left out. */
    record Article(String headline, String description, String lang, String published, String url,
            String brandName, String brandUrl, String logoUrl, int logoWidth, int logoHeight, String imageUrl,
            int imageWidth, int imageHeight, String imageAlt, List<String> keywords) {
    }

    static String article(Article a) {
        JsonLd j = new JsonLd();
        j.out.append('{');
        j.field("@context", "https://schema.org");
        j.field("@type", "Article");
        j.field("headline", a.headline());
        j.field("description", a.description());
        j.field("inLanguage", a.lang());
        j.field("datePublished", a.published());
        j.field("dateModified", a.published());
        if (!a.url().isEmpty()) {
            j.field("url", a.url());
            j.field("mainEntityOfPage", a.url());
        }
        if (!a.imageUrl().isEmpty()) {
            j.key("image");
            j.image(a.imageUrl(), a.imageWidth(), a.imageHeight(), a.imageAlt());
        }
        if (!a.brandName().isEmpty()) {
            // A small business writes as itself: the brand is both author and publisher.
            j.key("author");
            j.organization(a, false);
            j.key("publisher");
            j.organization(a, true);
        }
        if (!a.keywords().isEmpty()) {
            j.field("keywords", String.join(", ", a.keywords()));
        }
        j.out.append('}');
        return j.out.toString();
    }

    private void organization(Article a, boolean withLogo) {
        out.append('{');
        first = true;
        field("@type", "Organization");
        field("name", a.brandName());
        field("url", a.brandUrl());
        if (withLogo && !a.logoUrl().isEmpty()) {
            key("logo");
            image(a.logoUrl(), a.logoWidth(), a.logoHeight(), "");
        }
        out.append('}');
        first = false;
    }

    private void image(String url, int width, int height, String caption) {
        out.append('{');
        first = true;
        field("@type", "ImageObject");
        field("url", url);
        if (width > 0 && height > 0) {
            key("width");
            out.append(width);
            key("height");
            out.append(height);
        }
        field("caption", caption);
        out.append('}');
        first = false;
    }

    private void field(String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        key(name);
        string(value);
    }

    private void key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        string(name);
        out.append(':');
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // <, > and & could close the script element or open a comment; U+2028/9 end a JavaScript line.
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
                            || Character.isSurrogate(c) && !validPair(s, i)) {
                        out.append(String.format("\\u%04x", (int) (Character.isSurrogate(c) && !validPair(s, i)
                                ? 0xFFFD : c)));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether the surrogate at {@code i} belongs to a well-formed pair (a lone one is not valid UTF-8). */
    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
