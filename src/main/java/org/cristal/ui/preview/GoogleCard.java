package org.cristal.ui.preview;

import atlantafx.base.theme.Styles;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.cristal.render.social.LocalPost;
import org.cristal.story.Brand;
import org.cristal.story.Post;
import org.cristal.story.Story;

/**
 * A post as Google shows it on the business's listing: the listing's name, the kind of post ("What's new",
 * "Offer", "Event") with its title, dates and coupon, the photo, the text and the one button, labelled as
 * Google labels it.
 */
final class GoogleCard {
    private GoogleCard() {
    }

    /** @param story the story the post comes from, for its photo; null if unknown */
    static VBox of(ResourceBundle text, Locale locale, Brand brand, Story story, LocalPost local, Post post,
            String networkName) {
        Label listing = new Label(brand.name());
        listing.setId("googleListing");
        listing.getStyleClass().add(Styles.TEXT_BOLD);
        HBox header = new HBox(8, Avatar.of(brand.name(), brand.colors().primary(), 18), listing);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(8, header);
        card.setId("googleCard");
        card.getStyleClass().addAll("social-card", "google-card");
        if (story != null && story.hasImage()) {
            card.getChildren().add(Photo.of(text, locale, story.imageAlt(), 170));
        }
        Label topic = new Label(Widgets.format(text, locale, switch (local.topic()) {
            case STANDARD -> "preview.google.topic.standard";
            case OFFER -> "preview.google.topic.offer";
            case EVENT -> "preview.google.topic.event";
        }));
        topic.setId("googleTopic");
        topic.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        card.getChildren().add(topic);
        if (!local.title().isBlank()) {
            Label title = new Label(local.title());
            title.setId("googleTitle");
            title.setWrapText(true);
            title.getStyleClass().addAll(Styles.TITLE_4);
            card.getChildren().add(title);
        }
        dates(text, locale, local).ifPresent(d -> {
            Label dates = new Label(d);
            dates.setId("googleDates");
            dates.getStyleClass().add(Styles.TEXT_SMALL);
            card.getChildren().add(dates);
        });
        if (!local.coupon().isBlank()) {
            Label coupon = new Label(Widgets.format(text, locale, "preview.google.coupon", local.coupon()));
            coupon.setId("googleCoupon");
            coupon.getStyleClass().addAll("google-coupon", Styles.TEXT_BOLD);
            card.getChildren().add(coupon);
        }
        card.getChildren().add(PostCard.body(local.summary().isBlank() ? post.text() : local.summary()));
        if (!local.terms().isBlank()) {
            Label terms = new Label(local.terms());
            terms.setWrapText(true);
            terms.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            card.getChildren().add(terms);
        }
        actionLabel(text, locale, local.action()).ifPresent(a -> {
            Label button = new Label(a);
            button.setId("googleAction");
            button.getStyleClass().add("google-cta");
            card.getChildren().add(button);
        });
        card.getChildren().add(PostCard.footer(text, locale, post, networkName));
        return card;
    }

    /** The button's label in Google's own words; none for {@link LocalPost.Action#NONE}. */
    static Optional<String> actionLabel(ResourceBundle text, Locale locale, LocalPost.Action action) {
        String key = switch (action) {
            case NONE -> null;
            case BOOK -> "preview.google.action.book";
            case ORDER -> "preview.google.action.order";
            case SHOP -> "preview.google.action.shop";
            case LEARN_MORE -> "preview.google.action.learnMore";
            case SIGN_UP -> "preview.google.action.signUp";
            case CALL -> "preview.google.action.call";
        };
        return Optional.ofNullable(key).map(k -> Widgets.format(text, locale, k));
    }

    private static Optional<String> dates(ResourceBundle text, Locale locale, LocalPost local) {
        if (local.start().isEmpty()) {
            return Optional.empty();
        }
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String start = local.start().map(f::format).orElse("");
        return Optional.of(local.end().map(LocalDateTime.class::cast).map(f::format)
                .map(end -> Widgets.format(text, locale, "preview.google.dates", start, end))
                .orElseGet(() -> Widgets.format(text, locale, "preview.google.from", start)));
    }
}
