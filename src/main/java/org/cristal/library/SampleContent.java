package org.cristal.library;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;

/**
 * The sample brand kits, stories and images shipped in the jar (under {@code /cristal-assets/samples/},
 * listed in its {@code index.txt}), put into a brand-new workspace so the studio never opens empty.
 */
public final class SampleContent {
    static final String ROOT = "/cristal-assets/samples/";
    private static final String SEEDED = "samples.seeded";

    private SampleContent() {
    }

    /**
     * Seeds the samples if the workspace holds nothing and was never seeded (a user who deleted the
     * samples does not get them back).
     *
     * @return how many files were imported (0 if the workspace was not empty)
     */
    public static int seedIfEmpty(Workspace workspace) {
        if (!workspace.isEmpty() || workspace.setting(SEEDED).isPresent()) {
            return 0;
        }
        int count = 0;
        List<Stories.Draft> stories = new ArrayList<>();
        for (String path : index()) {
            Optional<byte[]> bytes = read(path);
            if (bytes.isEmpty()) {
                continue;
            }
            String file = path.substring(path.lastIndexOf('/') + 1);
            try {
                if (path.startsWith("stories/") && file.endsWith(".md")) {
                    stories.add(new Stories.Draft(file.substring(0, file.length() - 3),
                            StoryParser.decodeUtf8(bytes.get()), "sample"));
                } else if (path.startsWith("brands/") && file.endsWith(".yaml")) {
                    workspace.brands().save(file.substring(0, file.length() - 5), StoryParser.decodeUtf8(bytes.get()));
                } else {
                    workspace.assets().put(path, bytes.get(), "");
                }
                count++;
            } catch (StoryFormatException e) {
                throw new IllegalStateException("sample " + path + " is broken: " + e.getMessage(), e);
            }
        }
        try {
            workspace.stories().saveAll(stories);
        } catch (StoryFormatException e) {
            throw new IllegalStateException("a sample story is broken: " + e.getMessage(), e);
        }
        SamplePersonas.seed(workspace.personas());
        workspace.setSetting(SEEDED, "1");
        return count;
    }

    /** Relative paths of the sample files, from {@code index.txt} (blank lines and # comments ignored). */
    static List<String> index() {
        List<String> out = new ArrayList<>();
        try (InputStream in = SampleContent.class.getResourceAsStream(ROOT + "index.txt")) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#") && AssetNames.normalize(t).filter(t::equals).isPresent()) {
                    out.add(t);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<byte[]> read(String path) {
        try (InputStream in = SampleContent.class.getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
