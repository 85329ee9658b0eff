package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.Importer;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Purpose;
import org.cristal.library.results.FetchState;
import org.cristal.publish.newsletter.SmtpNewsletterPlugin;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newsletter's own figures, read from the journal of a real workspace: what each send delivered, what
 * the servers refused, which addresses bounced and who unsubscribed after it. No service is asked.
 */
class NewsletterFiguresTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void eachSendCountsItsDeliveriesRefusalsBouncesAndTheUnsubscribesThatFollowedIt() throws Exception {
        MutableClock clock = new MutableClock(T0.minus(Duration.ofDays(10)));
        try (Workspace ws = Workspace.open(dir.resolve("n.cristal"), clock)) {
            new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
            Audience audience = ws.audience();
            long[] c = new long[6];
            for (int i = 0; i < c.length; i++) {
                c[i] = audience.contacts().save(ContactDraft.of("client" + i + "@example.org")).contact().id();
                audience.consents().record(c[i], ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                        clock.instant(), ConsentMethod.WEB_FORM, "boutique", "J’accepte la lettre du fournil"));
            }
            clock.set(T0);
            OutboxEntry first = ResultsFetcherTest.sent(ws, "lettre", "smtp-newsletter", "", T0);
            for (int i = 0; i < 4; i++) {
                deliver(audience, c[i], first, Delivery.Outcome.SENT);
            }
            deliver(audience, c[4], first, Delivery.Outcome.REFUSED);
            deliver(audience, c[5], first, Delivery.Outcome.HELD);

            clock.set(T0.plus(Duration.ofHours(1)));
            withdraw(audience, c[1], clock.instant());
            clock.set(T0.plus(Duration.ofHours(2)));
            audience.contacts().setEmailStatus(c[2], Contact.BOUNCED);

            clock.set(T0.plus(Duration.ofDays(1)));
            OutboxEntry second = ResultsFetcherTest.sent(ws, "lettre", "smtp-newsletter", "", clock.instant());
            deliver(audience, c[0], second, Delivery.Outcome.SENT);
            deliver(audience, c[3], second, Delivery.Outcome.SENT);
            clock.advance(Duration.ofHours(3));
            withdraw(audience, c[3], clock.instant());

            ResultsFetcher fetcher = new ResultsFetcher(ws, () -> List.of(new SmtpNewsletterPlugin()), new MapSecrets(),
                    clock, Locale.ENGLISH);
            ResultsFetcher.Round round = fetcher.fetch(null, false, ResultsFetcher.Progress.NONE, () -> false);

            assertEquals(2, round.count(FetchState.Status.OK));
            // The unsubscribe of the fourth contact came after the second letter: it is that one's, not both.
            assertEquals(Map.of("recipients", 4L, "refused", 1L, "bounced", 1L, "unsubscribed", 1L),
                    ws.results().latestCounts(first.id()));
            assertEquals(Map.of("recipients", 2L, "refused", 0L, "bounced", 0L, "unsubscribed", 1L),
                    ws.results().latestCounts(second.id()));
        }
    }

    private static void deliver(Audience audience, long contact, OutboxEntry e, Delivery.Outcome outcome) {
        audience.deliveries().record(contact, e.id(), e.storyId(), ContactChannel.EMAIL, Purpose.MARKETING, outcome,
                outcome == Delivery.Outcome.REFUSED ? "550 5.1.1 mailbox unavailable" : "");
    }

    private static void withdraw(Audience audience, long contact, Instant at) {
        audience.consents().record(contact, ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING, at,
                ConsentMethod.UNSUBSCRIBE_LINK, "lien de désinscription", ""));
    }
}
