package org.cristal.library.results;

/**
 * How one story did on one channel.
 *
 * @param place the story's place among those with enough visitors to tell (1 = surest good rate), 0 when it
 *              has too few visitors to be placed at all
 */
public record StoryRank(int place, String storyId, String title, ChannelFigures figures) {
    public Rate conversionRate() {
        return figures.conversionRate();
    }
}
