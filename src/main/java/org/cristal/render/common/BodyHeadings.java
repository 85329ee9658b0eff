package org.cristal.render.common;

import org.jsoup.nodes.Element;

/** Keeps the story title the only top-level heading of an output. */
public final class BodyHeadings {
    private BodyHeadings() {
    }

    /** Whether sanitised body HTML has a level-1 heading (cheap test before parsing). */
    public static boolean hasTopLevel(String html) {
        return html.contains("<h1");
    }

    /**
     * Moves every heading of the body one level down when the body uses level 1, which the output already
     * gives to the title: a page has one h1, and screen readers navigate by the levels.
     */
    public static void demote(Element body) {
        if (body.selectFirst("h1") == null) {
            return;
        }
        for (Element h : body.select("h1, h2, h3, h4, h5")) {
            h.tagName("h" + (h.normalName().charAt(1) - '0' + 1));
        }
    }
}
