package org.cristal.publish.spi;

/**
 * The names of the counts a {@link ResultsReader} reports, as the services name them, so the user reads
 * the word their network uses. The same words as the workspace keeps (library.results.Counts, checked by a
 * test); a plugin may report others, which are kept but not added into reach or reactions.
 */
public final class Metrics {
    /** Mastodon: people who marked the status as a favourite. */
    public static final String FAVOURITES = "favourites";
    /** Mastodon: boosts (reblogs). */
    public static final String BOOSTS = "boosts";
    /** Direct replies from other people. */
    public static final String REPLIES = "replies";
    /** Bluesky, X: likes. */
    public static final String LIKES = "likes";
    /** Bluesky reposts, X reposts (retweets). */
    public static final String REPOSTS = "reposts";
    /** Bluesky, X: quote posts. */
    public static final String QUOTES = "quotes";
    /** WordPress: approved comments. */
    public static final String COMMENTS = "comments";
    /** People a message was delivered to (Ghost's e-mail recipients). */
    public static final String RECIPIENTS = "recipients";
    /** E-mails opened, where the service tracks them (Ghost with open tracking on). */
    public static final String OPENS = "opens";
    /** Times a post was shown (X, where the account's API tier reports it). */
    public static final String IMPRESSIONS = "impressions";

    private Metrics() {
    }
}
