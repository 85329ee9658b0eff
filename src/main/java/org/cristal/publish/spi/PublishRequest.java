package org.cristal.publish.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.cristal.render.Renderers;
import org.cristal.story.AssetResolver;
import org.cristal.story.Brand;
import org.cristal.story.EmailMessage;
import org.cristal.story.StoryDocument;

/**
 * One publication for a plugin to carry out: a story at one revision, rendered for every channel, to one
 * configured account.
 *
 * @param entryId        the outbox entry, the same on every attempt
 * @param idempotencyKey the same on every attempt and after a restart: send it where the service accepts
 *                       one (an {@code Idempotency-Key} header, a Message-ID, a record key), so the service
 *                       itself refuses a second copy
 * @param story          the story as saved at {@code revision}
 * @param revision       the revision being published
 * @param brand          the story's brand kit
 * @param renditions     the four renditions, rendered for publishing (UTM links, the brand's paper)
 * @param assets         the workspace's images, for media uploads (bytes, alt text, size)
 * @param settings       the account's settings, secrets included
 * @param scheduledAt    when the user asked for it to go out
 * @param emailArms      for a newsletter A/B test, each arm's e-mail (arm → message, its links tagged with the
 *                       arm); send each member the one {@link Recipients#arm} names. Empty for any other send
 */
public record PublishRequest(String entryId, String idempotencyKey, StoryDocument story, int revision, Brand brand,
        Renderers.All renditions, AssetResolver assets, ChannelSettings settings, Instant scheduledAt,
        Map<String, EmailMessage> emailArms) {
    /** An ordinary send: no A/B test. */
    public PublishRequest(String entryId, String idempotencyKey, StoryDocument story, int revision, Brand brand,
            Renderers.All renditions, AssetResolver assets, ChannelSettings settings, Instant scheduledAt) {
        this(entryId, idempotencyKey, story, revision, brand, renditions, assets, settings, scheduledAt, Map.of());
    }

    public PublishRequest {
        emailArms = Map.copyOf(Objects.requireNonNullElse(emailArms, Map.of()));
        Objects.requireNonNull(entryId);
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(story);
        Objects.requireNonNull(brand);
        Objects.requireNonNull(renditions);
        Objects.requireNonNull(assets);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(scheduledAt);
    }
}
