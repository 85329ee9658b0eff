// PLACEHOLDER until i6-core merges: the smallest Publisher the studio's screens can run against (no
// retries, no backoff, no crash recovery). Core's version replaces this file.
package org.cristal.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.StoredStory;
import org.cristal.library.Workspace;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.StoryDocument;

/** Queues, sends and records publications of a workspace's stories. */
public final class Publisher {
    private final Workspace ws;
    private final PluginSource plugins;
    private final SecretStore secrets;
    private final Clock clock;

    public Publisher(Workspace ws, PluginSource plugins, SecretStore secrets, Clock clock) {
        this.ws = ws;
        this.plugins = plugins;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** One line per enabled channel account for publishing this story now: ready, warned or blocked. */
    public List<ChecklistItem> checklist(String storyId) {
        List<ChecklistItem> out = new ArrayList<>();
        for (ChannelAccount a : ws.channelAccounts().list()) {
            if (!a.enabled()) {
                continue;
            }
            ChannelPlugin p = plugins.find(a.plugin()).orElse(null);
            if (p == null) {
                out.add(new ChecklistItem(a, null, ChecklistItem.Status.BLOCKED, List.of(),
                        List.of(LocalText.of("Plugin " + a.plugin() + " missing"))));
                continue;
            }
            List<LocalText> reasons = new ArrayList<>();
            for (SettingProblem problem : p.validate(settings(a, p))) {
                reasons.add(problem.message());
            }
            out.add(new ChecklistItem(a, p, reasons.isEmpty() ? ChecklistItem.Status.READY
                    : ChecklistItem.Status.BLOCKED, List.of(), reasons));
        }
        return out;
    }

    /** Queues the story's current saved revision on the account, to go at {@code at}. */
    public OutboxEntry queue(String storyId, String accountId, Instant at, ZoneId zone) {
        StoredStory story = ws.stories().get(storyId).orElseThrow();
        ChannelAccount a = ws.channelAccounts().get(accountId).orElseThrow();
        String channel = plugins.find(a.plugin()).map(p -> p.renditions().iterator().next().name()
                .toLowerCase(Locale.ROOT)).orElse("web");
        String key = storyId + "@" + story.revision() + ">" + accountId + "@" + at.toEpochMilli();
        return ws.outbox().add(new OutboxEntry.New(key, storyId, story.revision(), accountId, a.plugin(), channel,
                a.name(), at, zone));
    }

    /** Sends one entry now; blocking. */
    public Outcome send(long entryId, Progress progress, BooleanSupplier cancelled) {
        OutboxEntry e = ws.outbox().get(entryId).orElseThrow();
        if (!ws.outbox().claim(entryId)) {
            return new Outcome(e, false, LocalText.of("not pending"));
        }
        try {
            ChannelAccount a = ws.channelAccounts().get(e.account()).orElseThrow();
            ChannelPlugin p = plugins.find(a.plugin()).orElseThrow();
            StoredStory story = ws.stories().get(e.storyId()).orElseThrow();
            StoryDocument doc = StoryDocument.parse(story.id(), story.source());
            Brand brand = ws.brands().get(doc.story().brand()).orElse(Brand.DEFAULT);
            RenderOptions options = RenderOptions.at(clock.instant()).withAssets(ws.assetResolver());
            Renderers.All all = Renderers.renderAll(doc, brand, options, Runnable::run).join();
            PublishRequest request = new PublishRequest(String.valueOf(entryId), e.idempotencyKey(), doc,
                    story.revision(), brand, all, ws.assetResolver(), settings(a, p), e.scheduledAt());
            PublishResult r = p.publish(request, context(entryId, progress, cancelled));
            ws.outbox().sent(entryId, r.remoteId(), r.url(), r.publishedAt(), r.items());
            return new Outcome(ws.outbox().get(entryId).orElseThrow(), true, null);
        } catch (PublishException ex) {
            ws.outbox().failed(entryId, ex.text().byLanguage());
            return new Outcome(ws.outbox().get(entryId).orElseThrow(), false, ex.text());
        } catch (Exception ex) {
            LocalText text = LocalText.of(String.valueOf(ex.getMessage()));
            ws.outbox().failed(entryId, text.byLanguage());
            return new Outcome(ws.outbox().get(entryId).orElseThrow(), false, text);
        }
    }

    /** Sends every due entry; blocking. */
    public List<Outcome> sendDue(Progress progress, BooleanSupplier cancelled) {
        List<Outcome> out = new ArrayList<>();
        for (OutboxEntry e : ws.outbox().due(clock.instant())) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            out.add(send(e.id(), progress, cancelled));
        }
        return out;
    }

    /** Entries left sending by a crash (placeholder: none handled). */
    public List<Outcome> recover() {
        return List.of();
    }

    /** Tests an account's connection with its stored settings and secrets; blocking. */
    public LocalText testConnection(String accountId) throws PublishException {
        ChannelAccount a = ws.channelAccounts().get(accountId).orElseThrow();
        ChannelPlugin p = plugins.find(a.plugin()).orElseThrow();
        return p.testConnection(settings(a, p), context(0, (i, f, m) -> { }, () -> false));
    }

    private ChannelSettings settings(ChannelAccount a, ChannelPlugin p) {
        Map<String, String> values = new HashMap<>(a.settings());
        Set<String> secretKeys = new java.util.HashSet<>();
        for (SettingSpec s : p.settings()) {
            if (s.secret()) {
                secretKeys.add(s.key());
                try {
                    secrets.get(a.id(), s.key()).ifPresent(v -> values.put(s.key(), v));
                } catch (SecretStoreException e) {
                    // missing secret: validation reports it
                }
            }
        }
        return new ChannelSettings(values, secretKeys);
    }

    private PublishContext context(long entryId, Progress progress, BooleanSupplier cancelled) {
        return new PublishContext() {
            @Override
            public void progress(double fraction, LocalText message) {
                progress.update(entryId, fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }

            @Override
            public Journal journal() {
                return new Journal() {
                    @Override
                    public Optional<String> get(String key) {
                        return ws.outbox().journalGet(entryId, key);
                    }

                    @Override
                    public void put(String key, String value) {
                        ws.outbox().journalPut(entryId, key, value);
                    }

                    @Override
                    public Map<String, String> all() {
                        return ws.outbox().journal(entryId);
                    }
                };
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public Locale locale() {
                return Locale.getDefault();
            }
        };
    }
}
