package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the command asked for is built (a cold start loads less); help and mistakes still see them all. */
class CommandsTest {
    private static final List<String> ALL = List.of("render", "workspace", "bench", "publish", "outbox", "channels",
            "contacts", "segments", "settings", "unsubscribes");

    @Test
    void helpStillListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.code());
        for (String command : ALL) {
            assertTrue(run.out().contains(command), command + " missing from:\n" + run.out());
        }
    }

    @Test
    void aCommandsOwnHelpStillWorks() {
        CliRun run = CliRun.of("render", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("--channel"), run.out());
    }

    @Test
    void aMistypedCommandIsOneClearLineThatSaysWhereHelpIs() {
        CliRun run = CliRun.of("rendre", "story.md");
        assertEquals(CristalCli.BAD_INPUT, run.code());
        assertTrue(run.err().contains("rendre"), run.err());
    }
}
