package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cristal.library.Workspace;
import org.cristal.publish.FileSecretStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code channels add} and the console passphrase, against a real encrypted secrets file. */
class ChannelsAddTest {
    private static final String SECRET = "whsec-Lk29vQ0aXw";

    @TempDir
    Path dir;
    private Locale saved;

    @BeforeEach
    void setUp() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        CliPublishing.secrets = null;
        CliPublishing.env = System.getenv();
        Locale.setDefault(saved);
    }

    @Test
    void addingAnAccountWhileTheSecretsFileIsLockedSavesNothingAndNamesThePassphraseVariable() throws Exception {
        Path secrets = dir.resolve("secrets.bin");
        new FileSecretStore(secrets, () -> Optional.of("pain au levain".toCharArray())).put("other", "token", "t");
        // As `cristal channels add` run by cron: no terminal to ask, no CRISTAL_SECRETS_PASSPHRASE.
        CliPublishing.secrets = new FileSecretStore(secrets, ConsolePassphrase.system());
        CliPublishing.env = Map.of("HOOK_SECRET", SECRET);
        Path ws = dir.resolve("w.cristal");

        CliRun r = CliRun.of("channels", "add", "webhook", "--id", "hook", "--set", "url=https://hooks.example/in",
                "--secret-env", "secret=HOOK_SECRET", "--workspace", ws.toString());

        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("CRISTAL_SECRETS_PASSPHRASE"), r.err());
        assertTrue(r.err().contains("not added"), r.err());
        assertFalse(r.err().contains(SECRET));
        try (Workspace w = Workspace.open(ws)) {
            assertEquals(List.of(), w.channelAccounts().list(), "no half-made account");
        }
    }

    @Test
    void aNewPassphraseIsTypedTwiceAndAskedAgainWhenTheTwoDiffer() {
        Deque<String> typed = new ArrayDeque<>(List.of("levain", "levian", "levain", "levain"));
        List<String> prompts = new ArrayList<>();
        List<String> said = new ArrayList<>();
        ConsolePassphrase prompt = new ConsolePassphrase(p -> {
            prompts.add(p);
            return typed.pop().toCharArray();
        }, said::add);

        assertEquals("levain", new String(prompt.ask(true).orElseThrow()));
        assertEquals(4, prompts.size());
        assertTrue(prompts.get(1).contains("again"), prompts.toString());
        assertEquals(List.of("The two passphrases are different. Let\u2019s start again."), said);
    }

    @Test
    void threeMismatchesGiveUpRatherThanLoopForever() {
        ConsolePassphrase prompt = new ConsolePassphrase(p -> (p.contains("again") ? "b" : "a").toCharArray(), s -> { });
        assertTrue(prompt.ask(true).isEmpty());
    }
}
