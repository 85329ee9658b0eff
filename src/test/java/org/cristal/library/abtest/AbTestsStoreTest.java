package org.cristal.library.abtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Purpose;
import org.cristal.library.results.WebRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbTestsStoreTest {
    @TempDir
    Path dir;

    @Test
    void aSeededSplitIsEvenAndTheSameForTheSameSeed() {
        List<Long> contacts = new ArrayList<>();
        for (long i = 1; i <= 1001; i++) {
            contacts.add(i * 7);
        }
        Map<Long, String> one = new Split(42, List.of("a", "b", "c")).assign(contacts, Map.of());
        List<Long> reversed = new ArrayList<>(contacts);
        java.util.Collections.reverse(reversed);
        Map<Long, String> two = new Split(42, List.of("a", "b", "c")).assign(reversed, Map.of());
        assertEquals(new HashMap<>(one), new HashMap<>(two), "the order contacts come in changes nothing");
        Map<String, Integer> sizes = new HashMap<>();
        one.values().forEach(a -> sizes.merge(a, 1, Integer::sum));
        assertTrue(sizes.values().stream().allMatch(n -> n == 333 || n == 334), sizes.toString());
        Map<Long, String> other = new Split(43, List.of("a", "b", "c")).assign(contacts, Map.of());
        assertTrue(!other.equals(one), "another seed, another draw");
        // Not every contact of the first half in a: the draw mixes the ids.
        assertTrue(contacts.subList(0, 300).stream().map(one::get).distinct().count() == 3);
    }

    @Test
    void aContactKeepsTheArmRecordedForThemWhenTheSegmentChanges() {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            AbTests tests = ws.abTests();
            List<Long> first = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                first.add(contact(ws, "c" + i + "@example.com"));
            }
            AbTests.Test t = tests.create("key-1", "pain", "subject", List.of("a", "b"), AbTests.CLICKS,
                    AbTests.Plan.NONE);
            Map<Long, String> before = tests.assign(t.id(), first);
            List<Long> later = new ArrayList<>(first.subList(5, 20));
            later.add(contact(ws, "new@example.com"));
            Map<Long, String> after = tests.assign(t.id(), later);
            for (Long c : first.subList(5, 20)) {
                assertEquals(before.get(c), after.get(c));
            }
            assertEquals(21, tests.arms(t.id()).size());
            assertTrue(!tests.discard(t.id()), "a test that split contacts is kept");
            AbTests.Test unused = tests.create("key-unused", "pain", "cta", List.of("a", "b"), AbTests.CLICKS,
                    AbTests.Plan.NONE);
            assertTrue(tests.discard(unused.id()));
            assertTrue(tests.get(unused.id()).isEmpty());
            assertEquals(t.seed(), tests.create("key-1", "pain", "subject", List.of("a", "b"), AbTests.CLICKS,
                    AbTests.Plan.NONE).seed(), "the same send is the same test, with the same seed");
        }
    }

    @Test
    void eachArmReadsItsContactsVisitsConversionsAndUnsubscribes() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ws.stories().save("pain", "---\ntitle: Le pain au levain\nslug: pain-au-levain\n---\nDu bon pain.\n");
            AbTests tests = ws.abTests();
            AbTests.Test t = tests.create("key-2", "pain", "subject", List.of("a", "b"), AbTests.CONVERSIONS,
                    new AbTests.Plan(0.2, 0.05, false, 0.05, 0.8, 1091));
            OutboxEntry e = ws.outbox().add(new OutboxEntry.New("key-2", "pain", 1, "news", "smtp-newsletter",
                    "email", "", Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
            tests.link(t.id(), e.id());
            List<Long> contacts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                contacts.add(contact(ws, "c" + i + "@example.com"));
            }
            Map<Long, String> arms = tests.assign(t.id(), contacts);
            long refusedOne = contacts.get(0);
            for (long c : contacts) {
                ws.audience().deliveries().record(c, e.id(), "pain", ContactChannel.EMAIL, Purpose.MARKETING,
                        c == refusedOne ? Delivery.Outcome.REFUSED : Delivery.Outcome.SENT, "");
            }
            long leaver = contacts.stream().filter(c -> c != refusedOne && arms.get(c).equals("b")).findFirst()
                    .orElseThrow();
            ws.audience().consents().record(leaver, ConsentEvent.withdraw(ContactChannel.EMAIL, Purpose.MARKETING,
                    Instant.now().plusSeconds(60), ConsentMethod.IN_PERSON, "reply", "STOP"));
            ws.results().importWeb("plausible.csv", "csv", "plain", List.of(
                    new WebRow(LocalDate.of(2026, 12, 1), "pain-au-levain", "newsletter", "email", "a", 12, 1),
                    new WebRow(LocalDate.of(2026, 12, 2), "pain-au-levain", "newsletter", "email", "a", 3, 0),
                    new WebRow(LocalDate.of(2026, 12, 1), "pain-au-levain", "newsletter", "email", "b", 20, 4),
                    new WebRow(LocalDate.of(2026, 12, 1), "pain-au-levain", "mastodon", "social", "b", 99, 9),
                    new WebRow(LocalDate.of(2026, 12, 1), "autre-histoire", "newsletter", "email", "b", 50, 5)));

            List<AbTests.ArmOutcome> out = tests.outcomes(t.id());
            int sentA = (int) contacts.stream().filter(c -> c != refusedOne && arms.get(c).equals("a")).count();
            assertEquals(List.of(new AbTests.ArmOutcome("a", sentA, 15, 1, 0),
                    new AbTests.ArmOutcome("b", 9 - sentA, 20, 4, 1)), out);
            assertEquals(1091, tests.get(t.id()).orElseThrow().plan().plannedPerArm());
        }
    }

    private static long contact(Workspace ws, String email) {
        return ws.audience().contacts().save(ContactDraft.of(email)).contact().id();
    }
}
