package org.cristal.publish.social;

import java.util.List;
import java.util.Optional;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.story.Asset;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.Story;

/**
 * What a social plugin posts for one request: the thread the social renderer cut for its network, and
 * the story's image with its alt text.
 *
 * @param posts    the texts, in order; each carries its "1/3" number when there are several
 * @param image    the story's image when it is a local picture the workspace has
 * @param alt      the image's alternative text ("" when the story has none)
 * @param language the story's language tag ("fr"), or ""
 */
public record SocialThread(List<String> posts, Optional<Asset> image, String alt, String language) {
    /** The thread for {@code network}; permanent failure when the renderer produced nothing to post. */
    public static SocialThread of(PublishRequest request, Network network) throws PublishException {
        List<Post> thread = request.renditions().social().body().thread(network);
        if (thread.isEmpty() || thread.stream().allMatch(p -> p.text().isBlank())) {
            throw PublishException.permanent(
                    LocalText.fromBundle(PublishException.BUNDLE, "publish.social.nothingToPost"));
        }
        Story story = request.story().story();
        Optional<Asset> image = story.image().isBlank() ? Optional.empty()
                : request.assets().resolve(story.image().strip()).filter(Asset::isImage);
        return new SocialThread(thread.stream().map(Post::text).toList(), image, story.imageAlt().strip(),
                story.lang().strip());
    }

    public int size() {
        return posts.size();
    }

    /** The progress message "Posting 2 of 5". */
    public static LocalText progress(int number, int of) {
        return LocalText.fromBundle(PublishException.BUNDLE, "publish.social.posting", number, of);
    }
}
