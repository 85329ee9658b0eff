package org.cristal.library.cohort;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Purpose;
import org.cristal.library.results.WebRow;

/**
 * A workspace written through the real stores at known dates (Paris time), for the cohort tests:
 * <ul>
 * <li>week of Mon 7 Sept 2026: alice (consents, stays), bob (consents, withdraws in week 1), dave (joins
 * without consent, grants in week 1), and eve (consents, gets an e-mail, then is erased);</li>
 * <li>week of Mon 14 Sept: carol alone, who joined at 00:30 Paris on the Monday (still Sunday in UTC);</li>
 * <li>now: Wednesday 23 Sept, 10:00 Paris (week 2 of the first cohort, under way).</li>
 * </ul>
 */
public final class CohortFixture {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final Instant NOW = Instant.parse("2026-09-23T08:00:00Z");

    private CohortFixture() {
    }

    /** A clock the fixture moves; it stays at {@link #NOW} once the workspace is written. */
    public static final class Moving extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

        void set(String instant) {
            now.set(Instant.parse(instant));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** Writes the fixture at {@code file} and returns the workspace, open, with its clock at {@link #NOW}. */
    public static Workspace write(Path file, boolean analytics) {
        Moving clock = new Moving();
        Workspace ws = Workspace.open(file, clock);
        Audience a = ws.audience();
        clock.set("2026-09-07T08:00:00Z");
        long alice = join(a, "alice@example.fr");
        grant(a, alice, "2026-09-07T08:00:00Z");
        clock.set("2026-09-08T08:00:00Z");
        long eve = join(a, "eve@example.fr");
        grant(a, eve, "2026-09-08T08:00:00Z");
        a.deliveries().record(eve, 0, "le-pain", ContactChannel.EMAIL, Purpose.MARKETING, Delivery.Outcome.SENT, "");
        a.deliveries().record(alice, 0, "le-pain", ContactChannel.EMAIL, Purpose.MARKETING, Delivery.Outcome.SENT, "");
        clock.set("2026-09-09T16:00:00Z");
        long bob = join(a, "bob@example.fr");
        grant(a, bob, "2026-09-09T16:00:00Z");
        long dave = join(a, "dave@example.fr");
        // Sunday 13 Sept, 22:30 UTC is Monday 14 Sept, 00:30 in Paris: carol is the second week's cohort.
        clock.set("2026-09-13T22:30:00Z");
        long carol = join(a, "carol@example.fr");
        grant(a, carol, "2026-09-13T22:30:00Z");
        clock.set("2026-09-15T09:00:00Z");
        a.deliveries().record(alice, 0, "rentree", ContactChannel.EMAIL, Purpose.MARKETING, Delivery.Outcome.SENT, "");
        a.deliveries().record(bob, 0, "rentree", ContactChannel.POSTAL, Purpose.MARKETING, Delivery.Outcome.SENT, "");
        a.deliveries().record(alice, 0, "rentree", ContactChannel.POSTAL, Purpose.MARKETING, Delivery.Outcome.HELD, "");
        clock.set("2026-09-16T09:00:00Z");
        a.consents().record(bob, ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING,
                Instant.parse("2026-09-16T09:00:00Z"), ConsentMethod.UNSUBSCRIBE_LINK, "newsletter", ""));
        grant(a, dave, "2026-09-16T09:00:00Z");
        clock.set("2026-09-22T07:00:00Z");
        a.deliveries().record(alice, 0, "ateliers", ContactChannel.SMS, Purpose.MARKETING, Delivery.Outcome.SENT, "");
        a.deliveries().record(carol, 0, "ateliers", ContactChannel.EMAIL, Purpose.MARKETING, Delivery.Outcome.SENT, "");
        a.forget("eve@example.fr");
        if (analytics) {
            String token = a.tokens().token(alice);
            ws.results().importWeb("plausible.csv", "plausible", "plausible", List.of(
                    new WebRow(java.time.LocalDate.of(2026, 9, 15), "rentree", "newsletter", "email", token, 3, 1),
                    new WebRow(java.time.LocalDate.of(2026, 9, 15), "rentree", "newsletter", "email", "zzzzzzzzzz", 9, 9)));
            ws.results().importWeb("ga4.csv", "ga4", "ga4", List.of(
                    new WebRow(java.time.LocalDate.of(2026, 9, 15), "rentree", "newsletter", "email", token, 2, 1)));
        }
        clock.set(NOW.toString());
        return ws;
    }

    private static long join(Audience a, String email) {
        return a.contacts().save(ContactDraft.of(email)).contact().id();
    }

    private static void grant(Audience a, long contact, String at) {
        a.consents().record(contact, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING, Instant.parse(at),
                ConsentMethod.WEB_FORM, "site", "Newsletter du fournil, une fois par semaine"));
    }
}
