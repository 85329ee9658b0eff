package org.cristal.render.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cristal.story.Cta;
import org.cristal.story.LinkRef;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.story.Urls;

/** The checks every channel makes on a story's links and call to action. */
public final class Links {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    private Links() {
    }

    /** A call to action ready for output: the label as plain text and a URL that passed {@link Urls#safeLink}. */
    public record Button(String label, String url) {
    }

    /**
     * The story's call to action, if it has one with a safe URL. An unsafe URL is an error (the button is
     * left out: a broken button must not reach readers); a plain-http one is worth a note.
     */
    public static Optional<Button> callToAction(StoryDocument doc, Findings findings) {
        Optional<Cta> cta = doc.story().cta();
        if (cta.isEmpty() || (cta.get().url().isBlank() && cta.get().label().isBlank())) {
            return Optional.empty();
        }
        Optional<String> url = Urls.safeLink(cta.get().url());
        if (url.isEmpty()) {
            findings.add(Severity.ERROR, "cta.url.unsafe", 0, Texts.forMessage(cta.get().url()));
            return Optional.empty();
        }
        if (isPlainHttp(url.get())) {
            findings.add(Severity.INFO, "link.notHttps", 0, Texts.forMessage(url.get()));
        }
        String label = Texts.oneLine(cta.get().label());
        return Optional.of(new Button(label.isEmpty() ? url.get() : label, url.get()));
    }

    /** Notes links in the body that are plain http, or that the sanitiser removed (javascript:, data:, …). */
    public static void checkBody(StoryDocument doc, Findings findings) {
        for (LinkRef link : doc.links()) {
            String url = link.url().strip();
            if (isPlainHttp(url)) {
                findings.add(Severity.INFO, "link.notHttps", link.line(), Texts.forMessage(url));
            } else if (SCHEME.matcher(url).matches() && Urls.safeLink(url).isEmpty()) {
                findings.add(Severity.WARNING, "link.removed", link.line(), Texts.forMessage(url));
            }
        }
    }

    static boolean isPlainHttp(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("http://");
    }
}
