package org.cristal.render.social;

import java.util.List;

/**
 * What goes into one network's post before it is fitted: the text, the link under it and the hashtags
 * that may close it.
 *
 * @param clipped true when the story's text was longer than the longest thread and was cut first
 */
record Draft(String text, String link, List<String> hashtags, boolean clipped) {
    Draft {
        hashtags = List.copyOf(hashtags);
    }

    /** The post with the given hashtags: text, link and hashtags each in their own paragraph. */
    String compose(List<String> tags) {
        StringBuilder sb = new StringBuilder(text);
        if (!link.isEmpty()) {
            sb.append(sb.length() > 0 ? "\n\n" : "").append(link);
        }
        if (!tags.isEmpty()) {
            sb.append(sb.length() > 0 ? "\n\n" : "").append(String.join(" ", tags));
        }
        return sb.toString();
    }
}
