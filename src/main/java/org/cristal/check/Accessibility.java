package org.cristal.check;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cristal.render.common.Texts;
import org.cristal.story.Finding;
import org.cristal.story.ImageRef;
import org.cristal.story.LinkRef;
import org.cristal.story.Severity;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.TextBlock;

/**
 * What a screen-reader user would stumble on: images without a description, descriptions that are a
 * file name, links whose text says nothing out of context ("click here", "lire la suite"), and lines
 * made only of emoji (read aloud as a string of names).
 */
public final class Accessibility {
    /** Link texts that say nothing when a screen reader lists the links of a page (WCAG 2.4.4). */
    static final Set<String> VAGUE_LINKS = Set.of("click here", "click", "here", "this link", "link", "read more",
            "more", "learn more", "more info", "see more", "this", "cliquez ici", "cliquer ici", "clique ici",
            "ici", "la", "lien", "ce lien", "lire la suite", "la suite", "suite", "en savoir plus", "savoir plus",
            "plus", "voir plus", "cliquez", "plus d'infos", "plus d'informations");
    private static final Pattern FILE_NAME = Pattern.compile(
            "(?i)[\\p{L}\\p{N}_()\\[\\]. -]*\\.(jpe?g|png|gif|webp|svg|avif|heic|heif|tiff?|bmp)");
    private static final Pattern CAMERA_NAME = Pattern.compile(
            "(?i)(img|dsc|dscn|dscf|pxl|mvimg|gopr|screenshot|capture|photo|image|scan|wp)[_ -]?\\d[\\d_ -]*(\\.\\w{2,4})?");
    private static final Set<String> GENERIC_ALTS = Set.of("image", "photo", "picture", "img", "illustration",
            "logo", "icon", "icone", "graphic", "banner", "banniere", "visuel", "hero");

    private Accessibility() {
    }

    public static List<Finding> check(StoryDocument doc) {
        Report report = new Report();
        Story story = doc.story();
        if (story.hasImage()) {
            alt(story.image(), story.imageAlt(), 0, report);
        }
        for (ImageRef img : doc.images()) {
            alt(img.src(), img.alt(), img.line(), report);
        }
        for (LinkRef link : doc.links()) {
            if (vague(link.text())) {
                report.add(Severity.WARNING, null, "check.link.vague", link.line(), Texts.oneLine(link.text()));
            }
        }
        story.cta().ifPresent(cta -> {
            if (vague(cta.label())) {
                report.add(Severity.WARNING, null, "check.cta.vague", 0, Texts.oneLine(cta.label()));
            }
        });
        for (TextBlock b : doc.blocks()) {
            if (b.kind() != TextBlock.Kind.CODE && emojiOnly(b.text())) {
                report.add(Severity.INFO, null, "check.emoji.only", b.line(), Texts.oneLine(b.text()));
            }
        }
        return report.list();
    }

    private static void alt(String src, String alt, int line, Report report) {
        String a = Texts.oneLine(alt);
        if (a.isEmpty()) {
            report.add(Severity.WARNING, null, "check.alt.missing", line, Texts.forMessage(src));
        } else if (fileName(a, src)) {
            report.add(Severity.WARNING, null, "check.alt.fileName", line, Texts.forMessage(a));
        } else if (GENERIC_ALTS.contains(Words.fold(a).replaceAll("[^a-z ]", "").strip())) {
            report.add(Severity.INFO, null, "check.alt.generic", line, a);
        }
    }

    /** "IMG_1234.jpg", "photo.png", "DSC 0042", or the image's own file name. */
    static boolean fileName(String alt, String src) {
        String name = src.substring(src.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return FILE_NAME.matcher(alt).matches() || CAMERA_NAME.matcher(alt).matches()
                || alt.equalsIgnoreCase(name) || (!stem.isBlank() && alt.equalsIgnoreCase(stem) && stem.matches(".*[_\\d].*"));
    }

    static boolean vague(String text) {
        String t = Words.fold(Texts.oneLine(text)).replaceAll("[\\p{P}\\p{S}&&[^']]", " ").replaceAll("\\s+", " ")
                .strip();
        return VAGUE_LINKS.contains(t);
    }

    /** Text with at least one emoji and no letter or digit. */
    static boolean emojiOnly(String text) {
        boolean emoji = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                return false;
            }
            if (isEmoji(cp)) {
                emoji = true;
            }
        }
        return emoji;
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
                || cp == 0x2764 || cp == 0x203C || cp == 0x2049
                || cp == 0x2122 || cp == 0x231A || cp == 0x231B || cp == 0x23F0 || cp == 0x23F3;
    }
}
