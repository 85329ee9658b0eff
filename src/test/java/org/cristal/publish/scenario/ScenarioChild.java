package org.cristal.publish.scenario;

import java.nio.file.Path;
import java.time.Instant;
import org.cristal.publish.Progress;

/**
 * A child JVM for {@link ScenarioKillTest}: opens the workspace on a clock set to {@code args[3]}, does
 * {@code args[4]} (start, pause, resume, due) and a round of due sends; with {@code loop}, goes on sending
 * rounds until it is killed.
 */
public final class ScenarioChild {
    private ScenarioChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int smtp = Integer.parseInt(args[1]);
        String masto = args[2];
        try (ScenarioFixture f = new ScenarioFixture(file, smtp, masto)) {
            f.clock.set(Instant.parse(args[3]));
            switch (args[4]) {
                case "start" -> f.runner.start("Bienvenue");
                case "pause" -> f.runner.pause("Bienvenue");
                case "resume" -> f.runner.resume("Bienvenue");
                default -> {
                }
            }
            System.out.println("working");
            do {
                f.publisher.sendDue(Progress.NONE, () -> false);
            } while (args.length > 5 && args[5].equals("loop"));
        }
        System.out.println("done");
    }
}
