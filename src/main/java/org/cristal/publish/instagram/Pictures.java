package org.cristal.publish.instagram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.social.SocialThread;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.story.Asset;
import org.cristal.story.ImageRef;
import org.cristal.story.Urls;

/**
 * The pictures of an Instagram post: the hero image, then the images of the story's body in the order
 * they are written, each once. Only local pictures the workspace has count: Instagram is given
 * addresses Cristal controls. Several make a carousel, which Instagram caps at {@link #MAX}.
 *
 * @param shown   the pictures posted, hero first
 * @param leftOut how many more the story has beyond Instagram's limit
 */
record Pictures(List<Picture> shown, int leftOut) {
    static final int MAX = 10;

    /** A picture and its alternative text ("" when the story gives none). */
    record Picture(Asset asset, String alt) {
    }

    static Pictures of(PublishRequest request, SocialThread thread) {
        List<Picture> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        thread.image().ifPresent(hero -> {
            all.add(new Picture(hero, thread.alt()));
            seen.add(hero.name());
        });
        for (ImageRef ref : request.story().images()) {
            Optional<Asset> asset = resolve(request, ref.src().strip());
            // The hero repeated in the body would show twice in a row.
            if (asset.isPresent() && seen.add(asset.get().name())) {
                all.add(new Picture(asset.get(), ref.alt().strip()));
            }
        }
        int shown = Math.min(all.size(), MAX);
        return new Pictures(List.copyOf(all.subList(0, shown)), all.size() - shown);
    }

    boolean carousel() {
        return shown.size() > 1;
    }

    private static Optional<Asset> resolve(PublishRequest request, String src) {
        if (src.isEmpty() || Urls.isRemote(src)) {
            return Optional.empty();
        }
        // The Markdown parser may keep <Photo été.jpg> percent-encoded; files have real names.
        Optional<Asset> asset = request.assets().resolve(src).or(() -> request.assets().resolve(Urls.decodePath(src)));
        return asset.filter(Asset::isImage);
    }
}
