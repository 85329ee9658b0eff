package org.cristal.publish;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/plugins.md shows the example plugin exactly as the tests build and run it. */
class PluginDocsTest {
    @Test
    void theGuideShowsTheExamplePluginAsItIsBuiltAndTested() throws IOException {
        String guide = Files.readString(Path.of("docs/plugins.md"));
        String source = Files.readString(PluginJars.EXAMPLE.resolve(
                "src/main/java/com/example/cristal/HttpPostPlugin.java"));
        assertTrue(guide.contains("```java\n" + source + "```\n"),
                "docs/plugins.md must show HttpPostPlugin.java verbatim; paste the file again");
        String services = Files.readString(PluginJars.EXAMPLE.resolve("src/main/resources/" + PluginRegistry.SERVICES));
        assertTrue(guide.contains("```\n" + services + "```\n"), "and its services file");
    }
}
