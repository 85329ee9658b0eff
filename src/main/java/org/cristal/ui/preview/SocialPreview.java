package org.cristal.ui.preview;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.cristal.render.social.LocalPost;
import org.cristal.render.social.LocalPosts;
import org.cristal.story.Brand;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.Rendition;
import org.cristal.story.SocialPosts;
import org.cristal.ui.Styles;

/**
 * The post, or the numbered thread, for one network at a time, each post as a card with its length
 * counted the network's way against its limit (red past it).
 */
public final class SocialPreview extends BorderPane {
    private final ResourceBundle text;
    private final Locale locale;
    private final ComboBox<Network> network = new ComboBox<>();
    private final VBox cards = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(cards);
    private final Label empty;
    private final HBox controls;
    private Brand brand = Brand.DEFAULT;
    private StoryDocument doc;
    private SocialPosts posts;
    /** What the cards on screen were built from: a keystroke that changes none of it rebuilds nothing. */
    private List<Object> built;

    public SocialPreview(ResourceBundle text, Locale locale) {
        this.text = text;
        this.locale = locale;
        setId("socialPreview");
        network.setId("socialNetwork");
        network.getItems().setAll(Network.values());
        network.setConverter(new StringConverter<>() {
            @Override
            public String toString(Network n) {
                return n == null ? "" : name(n);
            }

            @Override
            public Network fromString(String s) {
                return null;
            }
        });
        network.setValue(Network.X);
        network.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        network.setTooltip(Widgets.tooltip(Widgets.format(text, locale, "preview.social.network")));
        network.setAccessibleText(Widgets.format(text, locale, "preview.social.network"));
        network.valueProperty().addListener((o, old, now) -> rebuild(false));
        controls = Widgets.controls(network);

        empty = new Label(Widgets.format(text, locale, "preview.social.empty"));
        empty.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        empty.setWrapText(true);
        cards.setPadding(new Insets(12));
        cards.setAlignment(Pos.TOP_CENTER);
        cards.getStyleClass().add("social-thread");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("social-scroll");
        setCenter(scroll);
    }

    public void show(Rendition<SocialPosts> rendition) {
        show(rendition.body());
    }

    public void show(SocialPosts posts) {
        this.posts = posts;
        rebuild(true);
        TypingTrace.mark(TypingTrace.Stage.SOCIAL_BUILT);
    }

    /** The brand whose name, colour and handles the cards show. */
    public void setBrand(Brand brand) {
        Brand now = Objects.requireNonNullElse(brand, Brand.DEFAULT);
        if (!now.equals(this.brand)) {
            this.brand = now;
            rebuild(true);
        }
    }

    /** The story the posts come from: a Facebook link's title and picture, the Google post's type and button. */
    public void setStory(StoryDocument doc) {
        // No rebuild here: the renditions made from it follow at once, and typing must not build the cards twice.
        this.doc = doc;
    }

    private void rebuild(boolean keepScroll) {
        if (posts == null) {
            return;
        }
        double at = scroll.getVvalue();
        Network n = network.getValue() == null ? Network.X : network.getValue();
        List<Post> thread = posts.thread(n);
        // Each card is a handful of nodes with a tooltip, styled anew when added: not redone for nothing.
        // Only the Facebook and Google cards show more of the story than its posts.
        List<Object> from = java.util.Arrays.asList(n, brand, thread,
                n == Network.FACEBOOK || n == Network.GOOGLE ? doc : null);
        if (from.equals(built)) {
            return;
        }
        built = from;
        if (thread.isEmpty()) {
            cards.getChildren().setAll(empty);
        } else {
            cards.getChildren().clear();
            for (int i = 0; i < thread.size(); i++) {
                Post post = thread.get(i);
                Story story = doc == null ? null : doc.story();
                cards.getChildren().add(switch (n) {
                    case FACEBOOK -> FacebookCard.of(text, locale, brand, story, post, name(n));
                    case GOOGLE -> GoogleCard.of(text, locale, brand, story, local(post), post, name(n));
                    default -> PostCard.of(text, locale, brand, n, name(n), post, i + 1, thread.size());
                });
            }
        }
        if (keepScroll) {
            // Typing rebuilds the cards; the reader stays where they were in a long thread.
            scroll.layout();
            scroll.setVvalue(at);
        } else {
            scroll.setVvalue(0);
        }
    }

    /** The Google post the story makes; a plain "What's new" when the mapping cannot tell. */
    private LocalPost local(Post post) {
        if (doc != null) {
            try {
                return LocalPosts.of(doc, posts);
            } catch (RuntimeException e) {
                // A half-typed front matter must not take the preview down; the checks say what is wrong.
                System.getLogger(SocialPreview.class.getName()).log(System.Logger.Level.DEBUG, "local post", e);
            }
        }
        return new LocalPost(LocalPost.Topic.STANDARD, post.text(), "", java.util.Optional.empty(),
                java.util.Optional.empty(), "", "", LocalPost.Action.NONE, "");
    }

    private String name(Network n) {
        return switch (n) {
            case X -> Widgets.format(text, locale, "preview.social.network.x");
            case MASTODON -> Widgets.format(text, locale, "preview.social.network.mastodon");
            case BLUESKY -> Widgets.format(text, locale, "preview.social.network.bluesky");
            case LINKEDIN -> Widgets.format(text, locale, "preview.social.network.linkedin");
            case INSTAGRAM -> Widgets.format(text, locale, "preview.social.network.instagram");
            case FACEBOOK -> Widgets.format(text, locale, "preview.social.network.facebook");
            case GOOGLE -> Widgets.format(text, locale, "preview.social.network.google");
        };
    }

    boolean hasPosts() {
        return posts != null;
    }

    /** True when the cards on screen (the chosen network's thread) contain {@code words}. */
    public boolean showsText(String words) {
        Network n = network.getValue() == null ? Network.X : network.getValue();
        return posts != null && posts.thread(n).stream().anyMatch(p -> p.text().contains(words));
    }

    public ObjectProperty<Network> networkProperty() {
        return network.valueProperty();
    }

    /** This preview's own controls; the grid puts them in the quadrant's header. */
    public HBox controls() {
        return controls;
    }
}
