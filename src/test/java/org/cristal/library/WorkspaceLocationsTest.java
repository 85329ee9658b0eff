package org.cristal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkspaceLocationsTest {
    private static final Path HOME = Path.of("/home/ana");

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertEquals(Path.of("/data/ana/cristal/default.cristal"),
                WorkspaceLocations.defaultPath("Linux", Map.of("XDG_DATA_HOME", "/data/ana"), HOME));
        assertEquals(Path.of("/home/ana/.local/share/cristal/default.cristal"),
                WorkspaceLocations.defaultPath("Linux", Map.of(), HOME));
        assertEquals(Path.of("/home/ana/.local/share/cristal/default.cristal"),
                WorkspaceLocations.defaultPath("Linux", Map.of("XDG_DATA_HOME", "relative/path"), HOME),
                "a relative XDG_DATA_HOME is ignored, as the spec says");
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(Path.of("/home/ana/Library/Application Support/Cristal/default.cristal"),
                WorkspaceLocations.defaultPath("Mac OS X", Map.of(), HOME));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("/roaming").resolve("Cristal").resolve("default.cristal"),
                WorkspaceLocations.defaultPath("Windows 11", Map.of("APPDATA", "/roaming"), HOME));
    }

    @Test
    void commandLineBeatsEnvironmentWhichBeatsDefault() {
        Map<String, String> env = Map.of("CRISTAL_WORKSPACE", "/env/client.cristal");
        assertEquals(Path.of("/cli/x.cristal"),
                WorkspaceLocations.resolve(Optional.of("/cli/x.cristal"), env, "Linux", HOME));
        assertEquals(Path.of("/env/client.cristal"), WorkspaceLocations.resolve(Optional.empty(), env, "Linux", HOME));
        assertEquals(Path.of("/home/ana/.local/share/cristal/default.cristal"),
                WorkspaceLocations.resolve(Optional.of(" "), Map.of(), "Linux", HOME));
    }
}
