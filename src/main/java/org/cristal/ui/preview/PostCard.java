package org.cristal.ui.preview;

import atlantafx.base.theme.Styles;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.cristal.story.Brand;
import org.cristal.story.Network;
import org.cristal.story.Post;

/** One post as a card: avatar, brand and handle, the text, a link card, and the length against the limit. */
final class PostCard {
    /** Links, hashtags and mentions, which networks colour; the first group is a link. */
    private static final Pattern TOKENS = Pattern.compile(
            "(https?://[^\\s<>\"]+)|(?<![\\p{L}\\p{N}_])([#@][\\p{L}\\p{N}_][\\p{L}\\p{N}_.@-]*[\\p{L}\\p{N}_])");

    private PostCard() {
    }

    static VBox of(ResourceBundle text, Locale locale, Brand brand, Network network, String networkName, Post post,
            int number, int count) {
        Label name = new Label(brand.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label handle = new Label(brand.social().getOrDefault(network.id(), ""));
        handle.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox who = new VBox(name, handle);
        HBox header = new HBox(8, Avatar.of(brand.name(), brand.colors().primary(), 18), who, Widgets.spacer());
        header.setAlignment(Pos.CENTER_LEFT);
        if (count > 1) {
            Label position = new Label(Widgets.format(text, locale, "preview.social.number", number, count));
            position.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "post-number");
            header.getChildren().add(position);
        }

        VBox card = new VBox(8, header, body(post.text()));
        card.getStyleClass().add("social-card");
        firstLink(post.text()).ifPresent(url -> card.getChildren().add(linkCard(url)));

        card.getChildren().add(footer(text, locale, post, networkName));
        return card;
    }

    /** The length counted the network's way against its limit, red past it. */
    static HBox footer(ResourceBundle text, Locale locale, Post post, String networkName) {
        Label counter = new Label(Widgets.format(text, locale, "preview.social.counter", post.length(), post.limit()));
        counter.getStyleClass().add("post-counter");
        if (post.overLimit()) {
            counter.getStyleClass().addAll("over-limit", Styles.DANGER);
            counter.setTooltip(Widgets.tooltip(Widgets.format(text, locale, "preview.social.counter.over",
                    post.length() - post.limit(), post.limit())));
        } else {
            counter.setTooltip(Widgets.tooltip(Widgets.format(text, locale, "preview.social.counter.tip",
                    post.length(), post.limit(), networkName)));
        }
        return new HBox(Widgets.spacer(), counter);
    }

    /** The post's words as plain text nodes: nothing in a post is ever interpreted as markup. */
    static TextFlow body(String text) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("post-text");
        Matcher m = TOKENS.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                flow.getChildren().add(plain(text.substring(at, m.start())));
            }
            Text token = new Text(m.group());
            token.getStyleClass().addAll(Styles.TEXT, Styles.ACCENT, "post-token");
            flow.getChildren().add(token);
            at = m.end();
        }
        if (at < text.length()) {
            flow.getChildren().add(plain(text.substring(at)));
        }
        return flow;
    }

    private static Text plain(String s) {
        Text t = new Text(s);
        t.getStyleClass().add(Styles.TEXT);
        return t;
    }

    static Optional<String> firstLink(String text) {
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** What the network unfurls under a post with a link; the preview knows the address, not the page. */
    private static VBox linkCard(String url) {
        Label host = new Label(host(url).toUpperCase(Locale.ROOT));
        host.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label address = new Label(url);
        address.getStyleClass().add(Styles.TEXT_SMALL);
        address.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        VBox box = new VBox(2, host, address);
        box.getStyleClass().add("link-card");
        return box;
    }

    static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? url : h.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
