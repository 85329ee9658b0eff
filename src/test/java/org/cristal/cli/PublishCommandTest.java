package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.WebhookReceiver;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cristal channels|publish|outbox} end to end: a real workspace file and a loopback webhook receiver. */
class PublishCommandTest {
    private static final String SECRET = "whsec-cli-test";
    @TempDir
    Path dir;
    private Locale saved;
    private InputStream stdin;
    private MapSecrets secrets;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        saved = Locale.getDefault();
        stdin = System.in;
        Locale.setDefault(Locale.ENGLISH);
        secrets = new MapSecrets();
        CliPublishing.secrets = secrets;
        CliPublishing.env = Map.of("HOOK_SECRET", SECRET);
        receiver = new WebhookReceiver(SECRET, Clock.systemUTC());
        assertEquals(0, cli("workspace", "import", Corpus.root().toString()).code());
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        CliPublishing.secrets = null;
        CliPublishing.env = System.getenv();
        System.setIn(stdin);
        Locale.setDefault(saved);
    }

    private CliRun cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--workspace";
        all[args.length + 1] = dir.resolve("w.cristal").toString();
        return CliRun.of(all);
    }

    private void addHook() {
        System.setIn(new ByteArrayInputStream((SECRET + "\n").getBytes(StandardCharsets.UTF_8)));
        CliRun r = cli("channels", "add", "webhook", "--id", "hook", "--name", "Zapier", "--set", "url=" + receiver.url(),
                "--secret", "secret");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Added account hook (Zapier, plugin webhook)."), r.out());
        assertEquals(SECRET, secrets.get("hook", "secret").orElseThrow(), "the secret went to the secret store");
    }

    @Test
    void channelsAddListAndTest() {
        addHook();
        CliRun bad = cli("channels", "add", "webhook", "--set", "secret=" + SECRET);
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("\"secret\" is a secret: give it with --secret secret"), bad.err());
        CliRun env = cli("channels", "add", "webhook", "--id", "hook2", "--name", "Make", "--secret-env",
                "secret=HOOK_SECRET");
        assertEquals(0, env.code(), env.err());
        assertTrue(env.out().contains("url: Required."), "a missing setting is said at once:\n" + env.out());

        CliRun list = cli("channels", "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("webhook  Webhook"), list.out());
        assertTrue(list.out().contains("export-folder  Folder (print and files)"), list.out());
        assertTrue(list.out().contains("hook  Zapier (webhook, enabled)"), list.out());
        assertTrue(list.out().contains("hook2  Make (webhook, enabled)\n    - url: Required."), list.out());
        assertFalse(list.out().contains(SECRET), "a secret is never printed");

        CliRun test = cli("channels", "test", "hook");
        assertEquals(0, test.code(), test.err());
        assertTrue(test.out().contains("Connected: 127.0.0.1:" + java.net.URI.create(receiver.url()).getPort() + " answered HTTP 200."), test.out());
        CliRun failing = cli("channels", "test", "hook2");
        assertEquals(1, failing.code());
        assertTrue(failing.out().contains("Connection failed: The settings of “Make” need attention. Fill in: Address."),
                failing.out());
    }

    @Test
    void dryRunShowsTheChecklistAndWhatWouldGoAndSendsNothing() {
        addHook();
        CliRun r = cli("publish", "boulangerie-levain", "--channel", "hook", "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Ready, with warnings: Zapier (webhook)"), r.out());
        assertTrue(r.out().contains("  - The story is not approved yet (status: draft)."), r.out());
        assertTrue(r.out().contains("Would send \"boulangerie-levain\" revision 1 to Zapier (webhook)"), r.out());
        assertTrue(r.out().contains("  mastodon: "), r.out());
        assertTrue(r.out().contains("  brochure: "), r.out());
        assertTrue(r.out().contains("Dry run: nothing was queued or sent."), r.out());
        assertEquals(0, receiver.requests().size());
        assertTrue(cli("outbox", "list").out().contains("No publications."));
    }

    @Test
    void publishNowScheduleLaterListAndSendDue() throws Exception {
        addHook();
        CliRun now = cli("publish", "boulangerie-levain", "--channel", "hook");
        assertEquals(0, now.code(), now.err());
        assertTrue(now.out().contains("Published #1 to Zapier: https://receiver.example/p/1"), now.out());
        assertEquals(1, receiver.requests().size());

        CliRun later = cli("publish", "coffee-huila", "--channel", "hook", "--at", "2099-12-01T09:00+01:00[Europe/Paris]");
        assertEquals(0, later.code(), later.err());
        assertTrue(later.out().contains("Scheduled #2 for Zapier at 12/1/99, 9:00 AM Europe/Paris"), later.out());

        CliRun list = cli("outbox", "list");
        assertEquals(0, list.code(), list.err());
        String[] lines = list.out().split("\n");
        assertTrue(lines[0].startsWith("ID  STORY"), list.out());
        assertTrue(list.out().contains("coffee-huila r1"), list.out());
        assertTrue(list.out().contains("SCHEDULED  12/1/99, 9:00 AM Europe/Paris"), list.out());
        assertTrue(list.out().matches("(?s).*1\\s+boulangerie-levain r1\\s+Zapier\\s+SENT\\s+.*https://receiver.example/p/1.*"),
                list.out());
        // A channel's history: what went to this account only.
        assertTrue(cli("outbox", "list", "--channel", "hook").out().contains("coffee-huila r1"));
        assertTrue(cli("outbox", "list", "--channel", "mastodon").out().contains("No publications."));

        CliRun nothing = cli("publish", "due");
        assertEquals(0, nothing.code(), nothing.err());
        assertTrue(nothing.out().contains("0 sent, 0 to retry, 0 failed."), nothing.out());

        // The scheduled one falls due and the receiver refuses it: cron sees a non-zero exit.
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            OutboxEntry e = ws.outbox().get(2).orElseThrow();
            ws.outbox().reschedule(e.id(), Instant.now().minusSeconds(60), ZoneId.of("Europe/Paris"));
        }
        receiver.then(WebhookReceiver.Fault.UNAUTHORIZED_401);
        CliRun due = cli("publish", "due");
        assertEquals(1, due.code(), due.out());
        assertTrue(due.out().contains("Failed #2 to Zapier: 127.0.0.1:" + java.net.URI.create(receiver.url()).getPort() + " refused the signature (HTTP 401)."), due.out());
        assertTrue(due.out().contains("0 sent, 0 to retry, 1 failed."), due.out());
        assertTrue(cli("outbox", "list").out().contains("FAILED"));
    }

    @Test
    void aScenarioStepIsListedAsSuchAndNeverByItsInnerTarget() throws Exception {
        addHook();
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            ws.outbox().add(new OutboxEntry.New("k-scenario", "boulangerie-levain", 1, "hook", "webhook", "web",
                    org.cristal.publish.Publisher.SCENARIO_TARGET + "12:s2", Instant.parse("2099-12-01T08:00:00Z"),
                    ZoneId.of("Europe/Paris")));
        }
        CliRun list = cli("outbox", "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("hook: a scenario step, to one contact"), list.out());
        assertFalse(list.out().contains("scenario-run:"), list.out());
    }

    @Test
    void aPublicationWaitingForItsAccountToBeConnectedAgainIsListedAsSuch() throws Exception {
        addHook();
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            OutboxEntry e = ws.outbox().add(new OutboxEntry.New("k-reconnect", "boulangerie-levain", 1, "hook",
                    "webhook", "web", "", Instant.parse("2026-12-01T08:00:00Z"), ZoneId.of("Europe/Paris")));
            assertTrue(ws.outbox().claim(e.id()));
            ws.outbox().awaitReconnection(e.id(), Instant.parse("2099-12-01T09:00:00Z"),
                    Map.of("en", "Reconnect Zapier: access was withdrawn.", "fr", "Reconnectez Zapier."));
        }
        CliRun list = cli("outbox", "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("waiting for reconnection"), list.out());
        assertFalse(list.out().contains("RETRYING"), list.out());
        assertTrue(list.out().contains("Reconnect Zapier: access was withdrawn."), list.out());
        assertFalse(list.out().contains("reconnect "), "the mark itself is never shown: " + list.out());
    }

    @Test
    void publishSendsTheTypingTheStudioAutosavedAfterTheLastRevision() throws Exception {
        addHook();
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            String saved = ws.stories().get("boulangerie-levain").orElseThrow().source();
            ws.stories().saveDraft("boulangerie-levain", saved + "\nMiche au seigle tous les dimanches.\n");
        }
        CliRun dry = cli("publish", "boulangerie-levain", "--channel", "hook", "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("is newer than revision 1: a real run saves it as a new revision and publishes that;"),
                dry.out());
        CliRun now = cli("publish", "boulangerie-levain", "--channel", "hook");
        assertEquals(0, now.code(), now.err());
        assertTrue(now.out().contains("is newer than the last revision: saved as revision 2, which is what is published."),
                now.out());
        assertEquals(1, receiver.requests().size());
        assertTrue(receiver.requests().get(0).body().contains("Miche au seigle tous les dimanches"),
                "the last typing went out");
        assertTrue(cli("outbox", "list").out().contains("boulangerie-levain r2"));
    }

    @Test
    void publishingAStoryAlreadyScheduledOnTheAccountReplacesItAndSaysSo() throws Exception {
        addHook();
        CliRun first = cli("publish", "coffee-huila", "--channel", "hook", "--at", "2099-12-01T09:00+01:00[Europe/Paris]");
        assertEquals(0, first.code(), first.err());

        CliRun second = cli("publish", "coffee-huila", "--channel", "hook", "--at", "2099-12-04T09:00+01:00[Europe/Paris]");

        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("Replaces the publication on “Zapier” that was planned for December 1, 2099"),
                second.out());
        assertTrue(second.out().contains("Scheduled #2 for Zapier at 12/4/99, 9:00 AM Europe/Paris"), second.out());
        try (Workspace ws = Workspace.open(dir.resolve("w.cristal"))) {
            assertEquals(1, ws.outbox().forStory("coffee-huila").stream()
                    .filter(e -> e.state() == org.cristal.library.OutboxState.SCHEDULED).count(), "one to go, not two");
        }
    }

    @Test
    void publishingAStoryBeingRetriedKeepsThatPublicationAndSendsItOnce() throws Exception {
        addHook();
        receiver.then(WebhookReceiver.Fault.DROP_AFTER_STORE);
        CliRun first = cli("publish", "boulangerie-levain", "--channel", "hook");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Not published yet #1"), first.out());

        CliRun again = cli("publish", "boulangerie-levain", "--channel", "hook");

        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("This story is already being retried on “Zapier”"), again.out());
        assertTrue(again.out().contains("Published #1 to Zapier"), again.out());
        assertEquals(1, receiver.stored().size(), "one story at the receiver");
        assertEquals(receiver.requests().get(0).idempotencyKey(), receiver.requests().get(1).idempotencyKey());
    }

    @Test
    void badInputGetsOneClearLine() {
        addHook();
        CliRun time = cli("publish", "boulangerie-levain", "--channel", "hook", "--at", "demain 9h");
        assertEquals(2, time.code());
        assertTrue(time.err().contains("Cannot read the time \"demain 9h\""), time.err());
        CliRun account = cli("publish", "boulangerie-levain", "--channel", "nope");
        assertEquals(2, account.code());
        assertTrue(account.err().contains("No channel account \"nope\""), account.err());
        CliRun story = cli("publish", "no-such-story", "--channel", "hook");
        assertEquals(2, story.code());
        assertTrue(story.err().contains("There is no story “no-such-story”."), story.err());
        CliRun blocked = cli("channels", "add", "export-folder", "--id", "print");
        assertEquals(0, blocked.code(), blocked.err());
        CliRun refused = cli("publish", "boulangerie-levain", "--channel", "print");
        assertEquals(2, refused.code());
        assertTrue(refused.out().contains("Blocked: Folder (print and files) (export-folder)"), refused.out());
        assertTrue(refused.err().contains("Not published: fix what blocks"), refused.err());
        assertEquals(0, receiver.requests().size());
    }
}
