package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cristal.story.Brand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleContentTest {
    @TempDir
    Path dir;

    @Test
    void brandNewWorkspaceGetsTheSamplesOnce() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("new.cristal"))) {
            assertEquals(SampleContent.index().size(), SampleContent.seedIfEmpty(ws));
            assertEquals(5, ws.stories().count());
            assertEquals(5, ws.brands().list().size());
            assertTrue(ws.brands().list().stream().map(Brand::name).toList().contains("Boulangerie Martin"));
            assertTrue(ws.assetResolver().resolve("../images/hero-levain.jpg").orElseThrow().isImage());
            assertEquals(0, SampleContent.seedIfEmpty(ws), "not twice");
            for (StorySummary s : ws.stories().list()) {
                ws.stories().delete(s.id());
            }
            for (String name : ws.assets().names()) {
                ws.assets().delete(name);
            }
            for (Brand b : ws.brands().list()) {
                ws.brands().delete(b.id());
            }
            assertEquals(0, SampleContent.seedIfEmpty(ws), "a user who cleared the samples keeps them cleared");
        }
    }

    @Test
    void workspaceWithContentIsNotSeeded() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("mine.cristal"))) {
            ws.stories().save("mine", "# À moi\n");
            assertEquals(0, SampleContent.seedIfEmpty(ws));
            assertEquals(List.of("mine"), ws.stories().list().stream().map(StorySummary::id).toList());
        }
    }
}
