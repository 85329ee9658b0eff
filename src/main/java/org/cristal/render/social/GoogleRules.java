package org.cristal.render.social;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.render.social.LocalPost.Topic;
import org.cristal.story.Finding;

/** Google's rules for a local post that the renderer can check before Google refuses the post. */
final class GoogleRules {
    /** Google cuts an event's or offer's title after 58 characters. */
    static final int TITLE_MAX = 58;
    /** A run of digits with the separators phone numbers are written with: "04 78 12 34 56", "+33 4 78…". */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:\\+|00)?\\(?\\d(?:[ .\\-\u00a0\u202f/]?\\(?\\d\\)?){7,15}(?![\\p{N}])");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}");

    private GoogleRules() {
    }

    static void check(LocalPost post, List<Finding> findings) {
        if (hasPhoneNumber(post.summary()) || hasPhoneNumber(post.title()) || hasPhoneNumber(post.terms())) {
            findings.add(LocalPosts.finding("social.google.phone"));
        }
        if (post.topic() == Topic.STANDARD) {
            return;
        }
        int kind = post.topic() == Topic.EVENT ? 1 : 2;
        if (post.title().isBlank()) {
            findings.add(LocalPosts.finding("social.google.noTitle", kind));
        } else if (post.title().codePointCount(0, post.title().length()) > TITLE_MAX) {
            findings.add(LocalPosts.finding("social.google.titleTooLong", kind,
                    post.title().codePointCount(0, post.title().length()), TITLE_MAX));
        }
        if (post.start().isEmpty() || post.end().isEmpty()) {
            findings.add(LocalPosts.finding("social.google.noDates", kind));
        } else if (post.end().get().isBefore(post.start().get())) {
            findings.add(LocalPosts.finding("social.google.endBeforeStart", kind));
        }
    }

    /** Whether a text holds something written like a phone number (9 to 15 digits, not a date). */
    static boolean hasPhoneNumber(String text) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String found = m.group();
            long digits = found.chars().filter(Character::isDigit).count();
            if (digits >= 9 && digits <= 15 && !DATE.matcher(found).find()) {
                return true;
            }
        }
        return false;
    }
}
