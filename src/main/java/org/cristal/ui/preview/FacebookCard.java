package org.cristal.ui.preview;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.cristal.story.Brand;
import org.cristal.story.Post;
import org.cristal.story.Story;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A post as a Facebook Page shows it: the Page's avatar and name, the text, then the story's picture (a photo
 * post, as the plugin makes when the story has one) or else the link preview Facebook unfurls (domain, title),
 * and the like, comment and share row.
 */
final class FacebookCard {
    private FacebookCard() {
    }

    /** @param story the story the post comes from, for the link preview's title and picture; null if unknown */
    static VBox of(ResourceBundle text, Locale locale, Brand brand, Story story, Post post, String networkName) {
        Label page = new Label(brand.name());
        page.setId("facebookPage");
        page.getStyleClass().add(Styles.TEXT_BOLD);
        Label when = new Label(Widgets.format(text, locale, "preview.facebook.when"));
        when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox header = new HBox(8, Avatar.of(brand.name(), brand.colors().primary(), 20), new VBox(page, when));
        header.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(8, header, PostCard.body(post.text()));
        card.setId("facebookCard");
        card.getStyleClass().addAll("social-card", "facebook-card");
        if (story != null && story.hasImage()) {
            // What the plugin posts: a photo post with the link in its text (Facebook unfurls no card then).
            Node photo = Photo.of(text, locale, story.imageAlt(), 220);
            photo.setId("facebookPhoto");
            card.getChildren().add(photo);
        } else {
            PostCard.firstLink(post.text()).ifPresent(url -> card.getChildren().add(linkPreview(text, locale, story, url)));
        }
        HBox actions = new HBox(action(text, locale, Feather.THUMBS_UP, "preview.facebook.like"),
                action(text, locale, Feather.MESSAGE_CIRCLE, "preview.facebook.comment"),
                action(text, locale, Feather.SHARE_2, "preview.facebook.share"));
        actions.getStyleClass().add("facebook-actions");
        card.getChildren().addAll(actions, PostCard.footer(text, locale, post, networkName));
        return card;
    }

    /** What Facebook unfurls under a link: the story's picture and title (its og: tags), the site's domain. */
    private static VBox linkPreview(ResourceBundle text, Locale locale, Story story, String url) {
        VBox box = new VBox(2);
        box.setId("facebookLink");
        box.getStyleClass().add("link-card");
        Label domain = new Label(PostCard.host(url).toUpperCase(Locale.ROOT));
        domain.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label title = new Label(story == null || story.title().isBlank() ? url : story.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setTextOverrun(OverrunStyle.ELLIPSIS);
        box.getChildren().addAll(domain, title);
        return box;
    }

    private static Label action(ResourceBundle text, Locale locale, Feather icon, String key) {
        Label l = new Label(Widgets.format(text, locale, key), new FontIcon(icon));
        l.getStyleClass().addAll(Styles.TEXT_MUTED, "facebook-action");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER);
        HBox.setHgrow(l, javafx.scene.layout.Priority.ALWAYS);
        return l;
    }
}
