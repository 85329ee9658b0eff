package org.cristal.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.cristal.render.brochure.BrochureRenderer;
import org.cristal.render.email.EmailRenderer;
import org.cristal.render.social.SocialRenderer;
import org.cristal.render.web.WebRenderer;
import org.cristal.story.Brand;
import org.cristal.story.BrochurePdf;
import org.cristal.story.EmailMessage;
import org.cristal.story.Finding;
import org.cristal.story.SocialPosts;
import org.cristal.story.WebPage;
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

    /** The four renditions of one story, as a preview or an "export all" shows them. */
    public record All(Rendition<WebPage> web, Rendition<EmailMessage> email, Rendition<SocialPosts> social,
            Rendition<BrochurePdf> brochure) {
        /** Every finding of the four channels, in channel order. */
        public List<Finding> findings() {
            List<Finding> out = new ArrayList<>();
            out.addAll(web.findings());
            out.addAll(email.findings());
            out.addAll(social.findings());
            out.addAll(brochure.findings());
            return out;
        }
    }

    /**
     * Renders all four channels at once on {@code executor}: the text channels together (a few
     * milliseconds), the brochure beside them (tens of milliseconds), so a preview never waits for
     * the slowest channel longer than it must. Renderers are thread-safe and share the parsed document.
     */
    public static CompletableFuture<All> renderAll(StoryDocument doc, Brand brand, RenderOptions options,
            Executor executor) {
        CompletableFuture<Rendition<BrochurePdf>> brochure =
                CompletableFuture.supplyAsync(() -> BROCHURE.render(doc, brand, options), executor);
        CompletableFuture<All> text = CompletableFuture.supplyAsync(() -> new All(WEB.render(doc, brand, options),
                EMAIL.render(doc, brand, options), SOCIAL.render(doc, brand, options), null), executor);
        return text.thenCombine(brochure, (t, b) -> new All(t.web(), t.email(), t.social(), b));
    }

    /** Renders the given channels in order. */
    public static List<Rendition<? extends RenditionBody>> render(List<Channel> channels, StoryDocument doc,
            Brand brand, RenderOptions options) {
        return channels.stream().<Rendition<? extends RenditionBody>>map(c -> of(c).render(doc, brand, options))
                .toList();
    }
}
