package org.cristal.story;

import java.util.Map;

/**
 * An email: subject, preheader, the HTML and plain-text parts, and the assembled MIME message.
 *
 * @param html  the HTML part as a standalone file (images as relative paths in {@code files})
 * @param eml   the RFC 5322 message, multipart/alternative, images inline by Content-ID
 * @param files relative path → bytes, for the standalone HTML file
 */
public record EmailMessage(String subject, String preheader, String html, String text, byte[] eml,
        Map<String, byte[]> files) implements RenditionBody {
    public EmailMessage {
        files = Map.copyOf(files);
    }
}
