package org.cristal.publish.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.cristal.publish.PluginContractTest;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.junit.jupiter.api.io.TempDir;

/** The static-site plugin keeps the plugin contract; its failure is a folder that cannot be created. */
class StaticSiteContractTest extends PluginContractTest {
    @TempDir
    Path dir;

    @Override
    protected ChannelPlugin plugin() {
        return new StaticSitePlugin();
    }

    @Override
    protected ChannelSettings workingSettings() {
        return ChannelSettings.of(Map.of("folder", dir.resolve("site").toString(), "title", "Le journal du fournil",
                "baseUrl", "https://journal.example/"));
    }

    @Override
    protected ChannelSettings failingSettings() {
        // A folder inside a plain file cannot be created, whoever runs the test.
        Path file = dir.resolve("not-a-folder.txt");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "a file, not a folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return workingSettings().with("folder", file.resolve("site").toString());
    }

    @Override
    protected int delivered() {
        Path out = dir.resolve("site");
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(out)) {
            return (int) files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
