package org.cristal.ui.preview;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.cristal.story.Brand;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.Rendition;
import org.cristal.story.SocialPosts;
import org.kordamp.ikonli.feather.Feather;

/** Each post of the chosen network as a card, with the network's own count and limit. */
final class SocialPreview {
    final ComboBox<Network> network = new ComboBox<>();
    final VBox cards = new VBox(8);
    final Pane pane;
    private final ResourceBundle text;
    private final Locale locale;
    private Rendition<SocialPosts> shown;
    private Brand brand = Brand.DEFAULT;

    SocialPreview(ResourceBundle text, Locale locale) {
        this.text = text;
        this.locale = locale;
        network.setId("socialNetwork");
        network.getItems().setAll(Network.values());
        network.setValue(Network.values()[0]);
        network.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Network n) {
                return n == null ? "" : networkName(n);
            }

            @Override
            public Network fromString(String s) {
                return null;
            }
        });
        network.valueProperty().addListener((o, a, b) -> redraw());
        cards.setPadding(new Insets(10));
        cards.setId("socialCards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        pane = new Pane("socialPreview", Feather.MESSAGE_CIRCLE, text.getString("channel.social"),
                text.getString("preview.maximise"), scroll);
        pane.controls.getChildren().add(network);
    }

    private String networkName(Network n) {
        return switch (n) {
            case X -> text.getString("network.x");
            case MASTODON -> text.getString("network.mastodon");
            case BLUESKY -> text.getString("network.bluesky");
            case LINKEDIN -> text.getString("network.linkedin");
        };
    }

    void show(Rendition<SocialPosts> social, Brand b) {
        shown = social;
        brand = b;
        redraw();
    }

    private void redraw() {
        if (shown == null || network.getValue() == null) {
            return;
        }
        List<Post> thread = shown.body().thread(network.getValue());
        cards.getChildren().clear();
        for (int i = 0; i < thread.size(); i++) {
            cards.getChildren().add(card(thread.get(i), i + 1, thread.size()));
        }
    }

    private VBox card(Post post, int number, int total) {
        String initial = brand.name().isBlank() ? "?" : brand.name().substring(0, 1).toUpperCase(locale);
        Circle circle = new Circle(16, Color.web(brand.colors().primary()));
        Label letter = new Label(initial);
        letter.setTextFill(Color.WHITE);
        StackPane avatar = new StackPane(circle, letter);
        Label name = new Label(brand.name());
        name.getStyleClass().add("social-name");
        String handle = brand.social().getOrDefault(network.getValue().id(), "");
        Label handleLabel = new Label(handle);
        handleLabel.getStyleClass().add("social-handle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label counter = new Label(new MessageFormat(text.getString("preview.counter"), locale)
                .format(new Object[] {post.length(), post.limit()}));
        counter.getStyleClass().add("post-counter");
        if (post.overLimit()) {
            counter.getStyleClass().addAll("over-limit", "danger");
            counter.setTooltip(new javafx.scene.control.Tooltip(text.getString("preview.overLimit")));
        }
        HBox head = new HBox(8, avatar, new VBox(name, handleLabel), spacer, counter);
        head.setAlignment(Pos.CENTER_LEFT);
        Label body = new Label(post.text());
        body.setWrapText(true);
        body.getStyleClass().add("social-text");
        VBox card = new VBox(8, head, body);
        if (total > 1) {
            Label n = new Label(number + "/" + total);
            n.getStyleClass().add("social-number");
            card.getChildren().add(n);
        }
        card.getStyleClass().add("social-card");
        card.setPadding(new Insets(10));
        return card;
    }
}
