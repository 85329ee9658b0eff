package org.cristal.render;

import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.Rendition;
import org.cristal.story.RenditionBody;
import org.cristal.story.StoryDocument;

/**
 * Adapts a story to one channel. Implementations are pure and thread-safe: the same input gives the
 * same output, with no JavaFX, database, network or clock (the date comes in through the options),
 * so the preview, the command line, the exports and the publishers all show the same thing.
 * A renderer never throws on story content: problems become findings.
 */
public interface ChannelRenderer<T extends RenditionBody> {
    Channel channel();

    Rendition<T> render(StoryDocument story, Brand brand, RenderOptions options);
}
