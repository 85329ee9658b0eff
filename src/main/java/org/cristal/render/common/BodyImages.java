package org.cristal.render.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cristal.story.ImageRef;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.story.Urls;
import org.jsoup.nodes.Element;

/**
 * Points the images of a sanitised body at the files they will be copied to. An image that cannot be
 * resolved becomes a visible placeholder ({@code <span class="img-missing">}) holding its alt text, so the
 * reader still gets the information and the author sees where the hole is.
 */
public final class BodyImages {
    /** Class of the placeholder left where an image could not be used. */
    public static final String PLACEHOLDER_CLASS = "img-missing";
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    private BodyImages() {
    }

    /** A body image and the file it now points to. */
    public record Placed(Element element, ImageFile file) {
    }

    /**
     * Rewrites every {@code img} under {@code body}: local images get {@code src="images/<name>"} and
     * their natural width and height; remote ones are kept only when {@code allowRemote}.
     */
    public static List<Placed> rewrite(Element body, StoryDocument doc, ImageFiles files, boolean allowRemote,
            Findings findings) {
        Map<String, Deque<Integer>> lines = new HashMap<>();
        for (ImageRef ref : doc.images()) {
            lines.computeIfAbsent(ref.src(), k -> new ArrayDeque<>()).add(ref.line());
        }
        List<Placed> placed = new ArrayList<>();
        for (Element img : body.select("img")) {
            String src = img.attr("src");
            // The Markdown renderer percent-encodes what the author wrote (<Photo été.jpg>); files have real names.
            String decoded = Urls.decodePath(src);
            Deque<Integer> q = lines.containsKey(src) ? lines.get(src) : lines.get(decoded);
            int line = q == null || q.isEmpty() ? 0 : q.poll();
            String alt = Texts.oneLine(img.attr("alt"));
            if (Urls.isRemote(src)) {
                if (!allowRemote) {
                    placeholder(img, alt, src);
                } else if (alt.isEmpty()) {
                    findings.add(Severity.WARNING, "image.altMissing", line, Texts.forMessage(src));
                }
                continue;
            }
            ImageFiles.Result result = files.resolve(decoded);
            Optional<ImageFile> file = result.file();
            if (file.isEmpty()) {
                String code = result.failure() == ImageFiles.Failure.NOT_AN_IMAGE ? "image.unreadable" : "image.notFound";
                findings.add(Severity.WARNING, code, line, Texts.forMessage(src));
                placeholder(img, alt, src);
                continue;
            }
            if (alt.isEmpty()) {
                findings.add(Severity.WARNING, "image.altMissing", line, Texts.forMessage(src));
            }
            img.attr("src", file.get().path());
            img.attr("width", Integer.toString(file.get().width()));
            img.attr("height", Integer.toString(file.get().height()));
            img.attr("alt", alt);
            placed.add(new Placed(img, file.get()));
        }
        return placed;
    }

    /**
     * Notes the images the sanitised body no longer holds: remote ones while remote content is off, and
     * those with a refused scheme ({@code file:}, {@code data:}, …), which never load.
     */
    public static void noteImagesLeftOut(StoryDocument doc, boolean allowRemote, Findings findings) {
        for (ImageRef ref : doc.images()) {
            String src = ref.src().strip();
            if (Urls.isRemote(src)) {
                if (!allowRemote) {
                    findings.add(Severity.INFO, "image.remoteBlocked", ref.line(), Texts.forMessage(src));
                }
            } else if (SCHEME.matcher(src).matches()) {
                findings.add(Severity.WARNING, "image.notFound", ref.line(), Texts.forMessage(src));
            }
        }
    }


    private static void placeholder(Element img, String alt, String src) {
        String text = alt.isEmpty() ? ImageFiles.fileName(src) : alt;
        Element span = new Element("span").addClass(PLACEHOLDER_CLASS).text(text);
        img.replaceWith(span);
    }
}
