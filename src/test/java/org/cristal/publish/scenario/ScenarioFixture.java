package org.cristal.publish.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Importer;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.MutableClock;
import org.cristal.publish.Publisher;
import org.cristal.publish.mastodon.MastodonPlugin;
import org.cristal.publish.newsletter.SmtpNewsletterPlugin;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.support.Corpus;

/**
 * A real workspace file with the corpus, a newsletter account ({@code news}) and a Mastodon account
 * ({@code masto}), a publisher and a scenario runner on a clock the test moves.
 */
final class ScenarioFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId MONTREAL = ZoneId.of("America/Montreal");

    final MutableClock clock = new MutableClock(T0);
    final Workspace ws;
    final MapSecrets secrets = new MapSecrets();
    final List<ChannelPlugin> plugins = new CopyOnWriteArrayList<>(List.of(new SmtpNewsletterPlugin(),
            new MastodonPlugin()));
    final Publisher publisher;
    final ScenarioRunner runner;

    ScenarioFixture(Path file, int smtpPort, String mastodonUrl) throws IOException {
        ws = Workspace.open(file, clock);
        if (ws.stories().get("boulangerie-levain").isEmpty()) {
            new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
            ws.channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "La lettre",
                    Map.of("host", "127.0.0.1", "port", Integer.toString(smtpPort), "security", "none",
                            "from", "news@fournil.example")));
            ws.channelAccounts().save(ChannelAccount.of("masto", "mastodon", "Piaille",
                    Map.of("instance", mastodonUrl)));
        }
        secrets.put("masto", "token", "tok-9f8e7d6c5b4a");
        publisher = new Publisher(ws, () -> plugins, secrets, clock, () -> 0.0);
        runner = new ScenarioRunner(publisher);
    }

    /** A contact with (or without) e-mail marketing consent, in {@code zone} (null: no zone of their own). */
    long contact(String email, String first, boolean consent, ZoneId zone) {
        ContactDraft d = ContactDraft.of(email).withName(first, "");
        if (zone != null) {
            d = d.withFields(Map.of("time_zone", zone.getId()));
        }
        long id = ws.audience().contacts().save(d).contact().id();
        if (consent) {
            ws.audience().consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                    Instant.parse("2026-01-05T10:00:00Z"), ConsentMethod.IN_PERSON, "the shop", "Oui"));
        }
        return id;
    }

    @Override
    public void close() {
        ws.close();
    }
}
