package org.cristal.render.web;

import org.cristal.render.common.BrandTheme;
import org.cristal.render.common.Colours;
import org.cristal.render.common.Findings;
import org.cristal.render.common.Texts;
import org.cristal.story.Severity;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;

/** The search-engine and contrast rules of the web page, each broken rule a finding. */
final class WebChecks {
    /** Search results show about 60 characters (≈ 600 px) of a title. */
    static final int TITLE_MAX = 60;
    /** A description shorter than this leaves room unused in search results. */
    static final int DESCRIPTION_MIN = 120;
    /** WCAG 2 AA: normal text and links. */
    static final double AA_TEXT = 4.5;

    private WebChecks() {
    }

    /**
     * The {@code <title>}: the web override ({@code channels.web.title}) as written, else the story title
     * followed by the brand when both fit, else the story title alone (the brand is the part readers lose).
     */
    static String title(Story story, String brandName, Findings findings) {
        String title = Texts.oneLine(story.title());
        String chosen = story.override("web", "title").map(Texts::oneLine).orElse(null);
        if (chosen == null) {
            String full = title.isEmpty() ? brandName : brandName.isEmpty() ? title : title + " — " + brandName;
            chosen = length(full) <= TITLE_MAX ? full : title;
        }
        int n = length(chosen);
        if (n > TITLE_MAX) {
            findings.add(Severity.WARNING, "web.title.long", 0, n, TITLE_MAX);
        }
        return chosen;
    }

    /** Notes a summary outside the 120–156 characters search results show (it is cut above). */
    static void descriptionLength(Story story, Findings findings) {
        if (story.summary().isBlank()) {
            return;
        }
        int n = length(Texts.oneLine(story.summary()));
        if (n < DESCRIPTION_MIN || n > WebRenderer.DESCRIPTION_MAX) {
            findings.add(Severity.INFO, "web.description.length", 0, n, DESCRIPTION_MIN, WebRenderer.DESCRIPTION_MAX);
        }
    }

    /**
     * Notes each heading that skips a level (an h2 followed by an h4): screen-reader users navigate by
     * levels and search engines read them as the outline. Levels are counted as the page shows them, below
     * the title's h1 (a body using level 1 is moved one level down).
     */
    static void headingOrder(StoryDocument doc, Findings findings) {
        boolean demoted = false;
        for (TextBlock b : doc.blocks()) {
            if (b.kind() == TextBlock.Kind.HEADING && b.level() == 1) {
                demoted = true;
                break;
            }
        }
        int previous = 1;
        for (TextBlock b : doc.blocks()) {
            if (b.kind() != TextBlock.Kind.HEADING) {
                continue;
            }
            int level = demoted ? Math.min(6, b.level() + 1) : b.level();
            if (level > previous + 1) {
                findings.add(Severity.WARNING, "web.heading.skipped", b.line(), previous, level);
            }
            previous = level;
        }
    }

    /** The colours the page sets text, links and the button in, after the WCAG AA checks. */
    record Palette(String link, String buttonText, String buttonBackground) {
    }

    /**
     * Checks the brand kit against WCAG AA (4.5:1): body text on the background, links (the primary colour)
     * on the background, the button's label on the primary colour. Links and headings that would fail take
     * the text colour; a button that would fail is drawn in the text colour on the background.
     */
    static Palette contrast(BrandTheme t, Findings findings) {
        int text = Colours.rgb(t.text(), t.text());
        int background = Colours.rgb(t.background(), t.background());
        int primary = Colours.rgb(t.primary(), t.primary());
        double body = Colours.contrast(text, background);
        if (body < AA_TEXT) {
            findings.add(Severity.WARNING, "web.contrast.text", 0, t.text(), t.background(), ratio(body));
        }
        String link = t.primary();
        double links = Colours.contrast(primary, background);
        if (links < AA_TEXT) {
            findings.add(Severity.INFO, "web.contrast.link", 0, t.primary(), t.background(), ratio(links));
            link = t.text();
        }
        double button = Colours.contrast(Colours.rgb(t.onPrimary(), t.onPrimary()), primary);
        if (button < AA_TEXT) {
            findings.add(Severity.INFO, "web.contrast.button", 0, t.onPrimary(), t.primary(), ratio(button));
            return new Palette(link, t.background(), t.text());
        }
        return new Palette(link, t.onPrimary(), t.primary());
    }

    /** A contrast ratio as shown to users: two decimals, rounded down so 4.499 never reads 4.5. */
    static double ratio(double r) {
        return Math.floor(r * 100) / 100;
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
