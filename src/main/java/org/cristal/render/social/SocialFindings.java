package org.cristal.render.social;

import java.util.Optional;
import java.util.Set;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Network;

/**
 * Which network a social finding is about, when it is about one. One story makes posts for every network;
 * "Publish everywhere" shows each account the findings of its own network and those of all posts (a link
 * that is not safe, a picture too small), so that a Bluesky post too long does not hold back the Mastodon one.
 */
public final class SocialFindings {
    /** Codes whose first argument is the network's display name. */
    private static final Set<String> NAMED = Set.of("social.hashtags.dropped", "social.post.tooLong",
            "social.link.overLimit", "social.caption.truncated", "social.thread.truncated", "social.thread",
            "social.hashtags.tooMany");

    private SocialFindings() {
    }

    /** The network {@code finding} is about; empty when it is about every social post (or not social). */
    public static Optional<Network> network(Finding finding) {
        if (finding.channel() != Channel.SOCIAL) {
            return Optional.empty();
        }
        String code = finding.code();
        if (code.startsWith("social.google.")) {
            return Optional.of(Network.GOOGLE);
        }
        if (code.startsWith("social.instagram.")) {
            return Optional.of(Network.INSTAGRAM);
        }
        if (NAMED.contains(code) && !finding.args().isEmpty()) {
            Object name = finding.args().get(0);
            for (Network n : Network.values()) {
                if (SocialRenderer.displayName(n).equals(name)) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether an account posting to {@code network} (empty: no particular network) should see {@code finding}. */
    public static boolean concerns(Finding finding, Optional<Network> network) {
        return network.isEmpty() || network(finding).map(network.get()::equals).orElse(true);
    }
}
