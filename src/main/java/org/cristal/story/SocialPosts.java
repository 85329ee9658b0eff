package org.cristal.story;

import java.util.List;
import java.util.Map;

/** For each network, the post or the numbered thread to publish. */
public record SocialPosts(Map<Network, List<Post>> posts) implements RenditionBody {
    public SocialPosts {
        posts = Map.copyOf(posts);
    }

    public List<Post> thread(Network network) {
        return posts.getOrDefault(network, List.of());
    }
}
