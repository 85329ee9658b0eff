package org.cristal.render.social;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A story as a Google Business Profile local post: the post on the shop's Maps listing. A plain "What's
 * new", an offer (dates, coupon, terms) or an event (title, dates), with one call-to-action button mapped
 * from the story's CTA. Written in the story's front matter under {@code channels.google} ({@code type},
 * {@code title}, {@code start}, {@code end}, {@code coupon}, {@code terms}, {@code action}).
 *
 * @param topic     what kind of post
 * @param summary   the post's text, links left to the button (Google shows none in the text)
 * @param title     an offer's or event's title; "" for a "What's new"
 * @param start     an offer's or event's start, in the shop's local time; empty for a "What's new". A start
 *                  written as a date alone is that day at 00:00 ({@link #wholeDayStart()})
 * @param end       an offer's or event's end; a date alone is that day at 23:59 ({@link #wholeDayEnd()})
 * @param coupon    an offer's coupon code, or ""
 * @param terms     an offer's terms and conditions, or ""
 * @param action    the button, {@link Action#NONE} when the story has no CTA
 * @param actionUrl where the button leads ("" for {@link Action#CALL}, which dials the listing's number)
 */
public record LocalPost(Topic topic, String summary, String title, Optional<LocalDateTime> start,
        Optional<LocalDateTime> end, String coupon, String terms, Action action, String actionUrl) {
    public LocalPost {
        Objects.requireNonNull(topic);
        summary = Objects.requireNonNullElse(summary, "");
        title = Objects.requireNonNullElse(title, "");
        start = Objects.requireNonNullElse(start, Optional.empty());
        end = Objects.requireNonNullElse(end, Optional.empty());
        coupon = Objects.requireNonNullElse(coupon, "");
        terms = Objects.requireNonNullElse(terms, "");
        Objects.requireNonNull(action);
        actionUrl = Objects.requireNonNullElse(actionUrl, "");
    }

    /** Whether the start was written as a date alone (Google then takes the day, without a time). */
    public boolean wholeDayStart() {
        return start.map(t -> PostDates.wholeDay(t, false)).orElse(false);
    }

    /** Whether the end was written as a date alone. */
    public boolean wholeDayEnd() {
        return end.map(t -> PostDates.wholeDay(t, true)).orElse(false);
    }

    /** Google's post types ({@code topicType}). */
    public enum Topic {
        STANDARD, OFFER, EVENT
    }

    /** Google's call-to-action button types ({@code callToAction.actionType}); NONE: no button. */
    public enum Action {
        NONE, BOOK, ORDER, SHOP, LEARN_MORE, SIGN_UP, CALL
    }
}
