package org.cristal.render.social;

import java.util.List;
import java.util.Optional;
import org.cristal.story.Cta;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.SocialPosts;
import org.cristal.story.StoryDocument;

/**
 * The Google Business Profile local post of a story, from its {@code channels.google} front matter and its
 * Google social text. A pure function, like the renderers.
 *
 * <p>CONTRACT FOR ISSUE 16 — the full mapping (offer and event fields, the CTA's type from its label or
 * {@code channels.google.action}, the findings) is built by the "google" part; the signature is shared.
 */
public final class LocalPosts {
    private LocalPosts() {
    }

    /** The local post for {@code posts}, the story's social rendition. */
    public static LocalPost of(StoryDocument doc, SocialPosts posts) {
        List<Post> google = posts.posts().getOrDefault(Network.GOOGLE, List.of());
        String summary = google.isEmpty() ? "" : google.get(0).text();
        Optional<Cta> cta = doc.story().cta().filter(c -> !c.url().isBlank());
        return new LocalPost(LocalPost.Topic.STANDARD, summary, "", Optional.empty(), Optional.empty(), "", "",
                cta.isPresent() ? LocalPost.Action.LEARN_MORE : LocalPost.Action.NONE, cta.map(Cta::url).orElse(""));
    }
}
