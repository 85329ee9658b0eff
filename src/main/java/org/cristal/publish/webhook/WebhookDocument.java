package org.cristal.publish.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.render.Renderers;
import org.cristal.story.Network;
import org.cristal.story.Post;
import org.cristal.story.Story;

/**
 * The JSON a webhook receives (format 1; fields are only ever added):
 * {@code {"format":1, "event":"story.published", "entry", "idempotencyKey", "scheduledAt", "story":{id, revision,
 * title, summary, tags, language, url}, "web":{html, path, url}, "email":{subject, preheader, html, text},
 * "social":{"mastodon":["post 1", …], …}, "brochure":{pages, pdf (base64, when included)}}}.
 */
final class WebhookDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookDocument() {
    }

    static String json(PublishRequest request, boolean includePdf) {
        Story s = request.story().story();
        Renderers.All r = request.renditions();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.put("event", "story.published");
        root.put("entry", request.entryId());
        root.put("idempotencyKey", request.idempotencyKey());
        root.put("scheduledAt", request.scheduledAt().toString());
        ObjectNode story = root.putObject("story");
        story.put("id", s.id());
        story.put("revision", request.revision());
        story.put("title", s.title());
        story.put("summary", s.summary());
        ArrayNode tags = story.putArray("tags");
        s.tags().forEach(tags::add);
        story.put("language", s.lang());
        story.put("url", r.web() == null ? "" : r.web().body().entry().url());
        if (r.web() != null) {
            ObjectNode web = root.putObject("web");
            web.put("html", r.web().body().html());
            web.put("path", r.web().body().entry().path());
            web.put("url", r.web().body().entry().url());
        }
        if (r.email() != null) {
            ObjectNode email = root.putObject("email");
            email.put("subject", r.email().body().subject());
            email.put("preheader", r.email().body().preheader());
            email.put("html", r.email().body().html());
            email.put("text", r.email().body().text());
        }
        if (r.social() != null) {
            ObjectNode social = root.putObject("social");
            for (Network n : Network.values()) {
                ArrayNode thread = social.putArray(n.id());
                for (Post p : r.social().body().thread(n)) {
                    thread.add(p.text());
                }
            }
        }
        if (r.brochure() != null) {
            ObjectNode brochure = root.putObject("brochure");
            brochure.put("pages", r.brochure().body().pages());
            if (includePdf) {
                brochure.put("pdf", Base64.getEncoder().encodeToString(r.brochure().body().pdf()));
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
