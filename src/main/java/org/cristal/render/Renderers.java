package org.cristal.render;

import java.util.List;
import org.cristal.render.brochure.BrochureRenderer;
import org.cristal.render.email.EmailRenderer;
import org.cristal.render.social.SocialRenderer;
import org.cristal.render.web.WebRenderer;
import org.cristal.story.Brand;
import org.cristal.story.Channel;
import org.cristal.story.Rendition;
import org.cristal.story.RenditionBody;
import org.cristal.story.StoryDocument;

/** The four channel renderers, built once and shared (they are stateless and thread-safe). */
public final class Renderers {
    public static final WebRenderer WEB = new WebRenderer();
    public static final EmailRenderer EMAIL = new EmailRenderer();
    public static final SocialRenderer SOCIAL = new SocialRenderer();
    public static final BrochureRenderer BROCHURE = new BrochureRenderer();

    private Renderers() {
    }

    public static ChannelRenderer<? extends RenditionBody> of(Channel channel) {
        return switch (channel) {
            case WEB -> WEB;
            case EMAIL -> EMAIL;
            case SOCIAL -> SOCIAL;
            case BROCHURE -> BROCHURE;
        };
    }

    /** Renders the given channels in order. */
    public static List<Rendition<? extends RenditionBody>> render(List<Channel> channels, StoryDocument doc,
            Brand brand, RenderOptions options) {
        return channels.stream().<Rendition<? extends RenditionBody>>map(c -> of(c).render(doc, brand, options))
                .toList();
    }
}
