package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cristal.library.ChannelAccount;
import org.cristal.story.Channel;
import org.cristal.story.Severity;
import org.cristal.story.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Publish everywhere": one line per enabled account, with what stops or deserves a look. */
class ChecklistTest {
    @TempDir
    Path dir;
    PublishFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new PublishFixture(dir);
        f.ws.channelAccounts().save(ChannelAccount.of("print", "export-folder", "Imprimerie", Map.of()));
        f.ws.channelAccounts().save(ChannelAccount.of("blog", "wordpress", "Le blog", Map.of()));
        f.ws.channelAccounts().save(new ChannelAccount("old", "webhook", "Ancien hook", Map.of(), false, null, null));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Map<String, ChecklistItem> byAccount(String story) {
        return f.publisher.checklist(story).stream().collect(Collectors.toMap(i -> i.account().id(), Function.identity()));
    }

    @Test
    void eachEnabledAccountIsReadyWarnedOrBlockedWithItsReasons() {
        Map<String, ChecklistItem> items = byAccount(PublishFixture.STORY);

        assertEquals(java.util.Set.of("hook", "print", "blog"), items.keySet(), "a disabled account is left out");
        ChecklistItem blog = items.get("blog");
        assertEquals(ChecklistItem.Status.BLOCKED, blog.status());
        assertNull(blog.plugin());
        assertEquals("The plugin “wordpress” is not installed or not enabled.", blog.reasons().get(0).get(Locale.ENGLISH));

        ChecklistItem print = items.get("print");
        assertEquals(ChecklistItem.Status.BLOCKED, print.status());
        assertEquals("The settings of “Imprimerie” need attention. Fill in: Folder.",
                print.reasons().get(0).get(Locale.ENGLISH));
        assertEquals("Les réglages de «\u00a0Imprimerie\u00a0» sont à revoir. À remplir\u00a0: Dossier.",
                print.reasons().get(0).get(Locale.FRENCH));

        ChecklistItem hook = items.get("hook");
        assertEquals(ChecklistItem.Status.WARNED, hook.status());
        List<String> reasons = hook.reasons().stream().map(r -> r.get(Locale.ENGLISH)).toList();
        assertTrue(reasons.contains("The story is not approved yet (status: draft)."), reasons.toString());
        assertTrue(hook.findings().stream().anyMatch(x -> x.code().equals("brochure.image.lowResolution")),
                "the webhook sends the brochure, so the brochure's findings are its own");
    }

    @Test
    void aSocialAccountSeesTheFindingsOfItsOwnNetworkAndThoseOfEveryPostNotAnotherNetworks() throws Exception {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            tags.append(" #pain").append(i);
        }
        // 31 hashtags: an error for Instagram only (it refuses more than 30); no link, which every post lacks.
        String story = f.ws.stories().save("", "---\ntitle: Le levain du samedi\nsummary: \"Du levain, tous les samedis."
                + tags + "\"\n---\nDu levain.\n", "").id();
        f.plugins.add(new org.cristal.publish.mastodon.MastodonPlugin());
        f.plugins.add(new org.cristal.publish.instagram.InstagramPlugin());
        f.ws.channelAccounts().save(ChannelAccount.of("masto", "mastodon", "Piaille", Map.of()));
        f.ws.channelAccounts().save(ChannelAccount.of("insta", "instagram", "Insta du fournil", Map.of()));

        Map<String, ChecklistItem> items = byAccount(story);

        List<String> insta = items.get("insta").findings().stream().map(x -> x.code()).toList();
        List<String> masto = items.get("masto").findings().stream().map(x -> x.code()).toList();
        assertTrue(insta.contains("social.hashtags.tooMany"), insta.toString());
        assertTrue(masto.stream().noneMatch(c -> c.equals("social.hashtags.tooMany") || c.startsWith("social.instagram.")
                || c.startsWith("social.google.")), "Instagram's and Google's findings are not Mastodon's: " + masto);
        assertTrue(items.get("masto").findings().stream().noneMatch(x -> !x.args().isEmpty()
                && List.of("Bluesky", "X", "LinkedIn", "Facebook", "Instagram").contains(x.args().get(0))), masto.toString());
        assertTrue(insta.contains("social.link.missing") && masto.contains("social.link.missing"),
                "a finding about every post is every social account's");
        assertTrue(items.get("masto").reasons().stream().noneMatch(r -> r.get(Locale.ENGLISH).contains("error")),
                "Instagram's error does not count against Mastodon: " + items.get("masto").reasons());
    }

    @Test
    void findingsAreOnlyThoseOfThePluginsChannels() {
        f.plugins.add(new PublisherTest.Crashing()); // a social-only plugin
        f.ws.channelAccounts().save(ChannelAccount.of("social", "crashing", "Social", Map.of()));
        ChecklistItem social = byAccount(PublishFixture.STORY).get("social");
        assertTrue(social.findings().stream().allMatch(x -> x.channel() == Channel.SOCIAL || x.channel() == null),
                social.findings().toString());
        assertTrue(social.findings().stream().noneMatch(x -> x.code().startsWith("brochure.")));
    }

    @Test
    void anApprovedStoryAlreadySentAtThisRevisionIsWarnedAndAnUnsafeLinkBlocks() throws Exception {
        f.ws.stories().setStatus(PublishFixture.STORY, Status.APPROVED);
        assertTrue(f.publisher.send(f.queueNow().id(), Progress.NONE, () -> false).sent());

        ChecklistItem hook = byAccount(PublishFixture.STORY).get("hook");
        List<String> reasons = hook.reasons().stream().map(r -> r.get(Locale.ENGLISH)).toList();
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("Already published on this account at this revision")),
                reasons.toString());
        assertTrue(reasons.stream().noneMatch(r -> r.contains("not approved")), reasons.toString());

        f.ws.stories().save("unsafe", """
                ---
                title: "Un lien piégé"
                status: approved
                cta:
                  label: "Cliquez"
                  url: "javascript:alert(1)"
                ---

                Un paragraphe.
                """);
        ChecklistItem unsafe = byAccount("unsafe").get("hook");
        assertEquals(ChecklistItem.Status.BLOCKED, unsafe.status());
        assertTrue(unsafe.findings().stream().anyMatch(x -> x.severity() == Severity.ERROR));
        assertTrue(unsafe.reasons().get(0).get(Locale.ENGLISH).contains("error"), unsafe.reasons().toString());
    }
}
