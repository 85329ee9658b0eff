package org.cristal.publish.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What went live.
 *
 * @param remoteId    the service's id of what was created (a status id, a post URI, a Message-ID), or ""
 * @param url         where a person can see it, or "" (an e-mail, a folder on disk gives a file: URL)
 * @param publishedAt when the service accepted it
 * @param items       how many things were sent: posts of a thread, e-mails of a newsletter, files written
 */
public record PublishResult(String remoteId, String url, Instant publishedAt, int items) {
    public PublishResult {
        remoteId = Objects.requireNonNullElse(remoteId, "");
        url = Objects.requireNonNullElse(url, "");
        Objects.requireNonNull(publishedAt);
    }
}
