package org.cristal.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link CrashSafetyTest}: writes revisions as fast as it can until it is killed.
 * Prints "writing" once the first revision is committed.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            int n = ws.stories().get("crash").map(StoredStory::revision).orElse(0);
            boolean announced = false;
            while (true) {
                n++;
                ws.stories().save("crash", text(n));
                if (n % 10 == 0) {
                    // A larger transaction too, so the kill may land in the middle of one.
                    List<Stories.Draft> batch = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        batch.add(new Stories.Draft("bulk-" + i, text(n) + "bulk " + i + "\n".repeat(i), ""));
                    }
                    ws.stories().saveAll(batch);
                }
                if (!announced) {
                    System.out.println("writing");
                    System.out.flush();
                    announced = true;
                }
            }
        }
    }

    static String text(int n) {
        return "---\ntitle: \"Crash test\"\ntags: [crash]\n---\n\nRevision n=" + n + ".\n"
                + "Le fournil résiste aux pannes. ".repeat(1 + n % 40) + "\n";
    }
}
