package org.cristal.library.results;

import java.util.Map;
import java.util.Set;

/**
 * The names of the counts a publication can have, as stored in {@code publication_counts.metric}: what a
 * service reports (Mastodon's favourites, Bluesky's likes…) and what Cristal's own journal says about a
 * newsletter. Kept as the service names them, so the user reads the word their network uses.
 */
public final class Counts {
    public static final String FAVOURITES = "favourites";
    public static final String BOOSTS = "boosts";
    public static final String REPLIES = "replies";
    public static final String LIKES = "likes";
    public static final String REPOSTS = "reposts";
    public static final String QUOTES = "quotes";
    public static final String COMMENTS = "comments";
    /** People a message was delivered to (a newsletter's accepted e-mails, Ghost's e-mail recipients). */
    public static final String RECIPIENTS = "recipients";
    /** E-mails opened, only where a service reports it (Ghost); Cristal itself puts no tracking pixel. */
    public static final String OPENS = "opens";
    /** Times a post was shown, where the service reports it (X on a tier that allows it). */
    public static final String IMPRESSIONS = "impressions";
    public static final String REFUSED = "refused";
    public static final String BOUNCED = "bounced";
    /** Recipients who withdrew their e-mail consent after this send. */
    public static final String UNSUBSCRIBED = "unsubscribed";

    /** The counts that are someone reacting: their sum is a publication's "reactions". */
    public static final Set<String> REACTIONS = Set.of(FAVOURITES, BOOSTS, REPLIES, LIKES, REPOSTS, QUOTES, COMMENTS);
    /** The counts that say how many people it reached, best first: the first one present is its "reach". */
    public static final java.util.List<String> REACH = java.util.List.of(RECIPIENTS, IMPRESSIONS);

    private Counts() {
    }

    /** The sum of the reaction counts in {@code counts}. */
    public static long reactions(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> REACTIONS.contains(e.getKey())).mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** How many people it reached, or -1 when the service does not say. */
    public static long reach(Map<String, Long> counts) {
        return REACH.stream().filter(counts::containsKey).map(counts::get).findFirst().orElse(-1L);
    }

    /**
     * The channel a publication counts under, the same word its links carry as {@code utm_source}: the
     * plugin's id ("mastodon", "wordpress"), except the newsletter, whose links say "newsletter".
     */
    public static String channelOf(String pluginId) {
        return switch (pluginId) {
            case "smtp-newsletter" -> org.cristal.story.Utm.NEWSLETTER;
            case "static-site" -> "site";
            default -> pluginId;
        };
    }
}
