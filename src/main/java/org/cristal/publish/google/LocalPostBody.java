package org.cristal.publish.google;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cristal.render.social.LocalPost;

/**
 * The v4 {@code LocalPost} JSON Google takes: {@code languageCode}, {@code summary}, {@code topicType},
 * {@code event} (title and schedule, for an event and an offer alike), {@code offer}, {@code callToAction}
 * (which Google ignores on an offer: its link goes in {@code offer.redeemOnlineUrl}) and {@code media}.
 */
final class LocalPostBody {
    private LocalPostBody() {
    }

    /** @param photoUrl where Google fetches the photo, or empty for a post without one */
    static Map<String, Object> of(LocalPost post, String language, Optional<String> photoUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!language.isBlank()) {
            body.put("languageCode", language);
        }
        body.put("summary", post.summary());
        body.put("topicType", post.topic().name());
        if (post.topic() != LocalPost.Topic.STANDARD) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            post.start().ifPresent(s -> when(schedule, "start", s, post.wholeDayStart()));
            post.end().ifPresent(e -> when(schedule, "end", e, post.wholeDayEnd()));
            body.put("event", Map.of("title", post.title(), "schedule", schedule));
        }
        if (post.topic() == LocalPost.Topic.OFFER) {
            Map<String, Object> offer = new LinkedHashMap<>();
            put(offer, "couponCode", post.coupon());
            put(offer, "redeemOnlineUrl", post.actionUrl());
            put(offer, "termsConditions", post.terms());
            if (!offer.isEmpty()) {
                body.put("offer", offer);
            }
        } else if (post.action() != LocalPost.Action.NONE) {
            Map<String, Object> cta = new LinkedHashMap<>();
            cta.put("actionType", post.action().name());
            put(cta, "url", post.action() == LocalPost.Action.CALL ? "" : post.actionUrl());
            body.put("callToAction", cta);
        }
        photoUrl.ifPresent(u -> body.put("media", List.of(Map.of("mediaFormat", "PHOTO", "sourceUrl", u))));
        return body;
    }

    private static void when(Map<String, Object> schedule, String which, LocalDateTime t, boolean wholeDay) {
        schedule.put(which + "Date", Map.of("year", t.getYear(), "month", t.getMonthValue(), "day",
                t.getDayOfMonth()));
        if (!wholeDay) {
            schedule.put(which + "Time", Map.of("hours", t.getHour(), "minutes", t.getMinute(), "seconds", 0,
                    "nanos", 0));
        }
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (!value.isBlank()) {
            map.put(key, value);
        }
    }
}
