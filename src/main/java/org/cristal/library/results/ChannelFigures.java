package org.cristal.library.results;

/**
 * What one channel brought a story (or, with {@link #TOTAL}, every channel together).
 *
 * @param channel      the word the channel's links carry as {@code utm_source} ({@link Counts#channelOf}), "" for
 *                     web visits with no source tag
 * @param publications how many publications went out on it
 * @param reach        people reached where a service says so, -1 when none of them says
 * @param reactions    favourites, boosts, replies, likes… added up (latest counts)
 * @param visitors     visitors the user's analytics counted with this source and the story's campaign
 * @param conversions  conversions the analytics counted likewise
 */
public record ChannelFigures(String channel, int publications, long reach, long reactions, long visitors,
        long conversions) {
    /** The channel key of the total line. */
    public static final String TOTAL = "*";

    /** Conversions out of visitors, with its range. */
    public Rate conversionRate() {
        return Rate.of(conversions, visitors);
    }

    /** Reactions plus visitors: what came back, for sizing and sorting. */
    public long cameBack() {
        return reactions + visitors;
    }
}
