package org.cristal.render.social;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cristal.render.RenderOptions;
import org.cristal.render.common.ImageFile;
import org.cristal.render.common.ImageFiles;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.ImageRef;
import org.cristal.story.Network;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.story.Urls;

/**
 * The pictures an Instagram post will carry, checked while writing: the Instagram plugin posts the hero
 * image, then the pictures of the body in the order they are written, each once, up to {@link #MAX} in a
 * carousel. Instagram refuses the whole post when one of them is narrower than 4:5 or wider than 1.91:1
 * (Graph error 36003), which is better said here than at publishing time.
 */
final class InstagramPictures {
    /** Instagram's carousel limit (the plugin's too). */
    static final int MAX = 10;

    private InstagramPictures() {
    }

    static void check(StoryDocument doc, RenderOptions options, List<Finding> findings) {
        String name = SocialRenderer.displayName(Network.INSTAGRAM);
        ImageFiles files = new ImageFiles(options.assets());
        Set<String> seen = new HashSet<>();
        int count = 0;
        Optional<ImageFile> hero = local(files, doc.story().image());
        if (hero.isPresent()) {
            seen.add(hero.get().asset().name());
            count++;
            if (!fits(hero.get())) {
                findings.add(Finding.of(Severity.WARNING, Channel.SOCIAL, "social.instagram.imageShape", 0, name,
                        hero.get().width(), hero.get().height()));
            }
        }
        for (ImageRef ref : doc.images()) {
            Optional<ImageFile> picture = local(files, ref.src());
            if (picture.isEmpty() || !seen.add(picture.get().asset().name())) {
                continue;
            }
            count++;
            if (count <= MAX && !fits(picture.get())) {
                findings.add(Finding.of(Severity.WARNING, Channel.SOCIAL, "social.instagram.pictureShape", ref.line(),
                        name, ref.src().strip(), picture.get().width(), picture.get().height()));
            }
        }
        if (count > MAX) {
            findings.add(Finding.of(Severity.INFO, Channel.SOCIAL, "social.instagram.carouselFull", 0, name, count,
                    MAX, count - MAX));
        }
    }

    private static Optional<ImageFile> local(ImageFiles files, String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty() || Urls.isRemote(ref)) {
            return Optional.empty();
        }
        // The Markdown parser may keep <Photo été.jpg> percent-encoded; files have real names.
        return files.resolve(ref).file().or(() -> files.resolve(Urls.decodePath(ref)).file());
    }

    private static boolean fits(ImageFile image) {
        int w = image.width();
        int h = image.height();
        return w <= 0 || h <= 0 || (w * 5 >= h * 4 && w * 100 <= h * 191);
    }
}
