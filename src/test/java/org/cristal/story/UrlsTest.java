package org.cristal.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void aSchemeWithoutAHostIsNotALink() {
        assertTrue(Urls.safeLink("https://").isEmpty());
        assertTrue(Urls.safeLink("http:///chemin").isEmpty());
    }

    @Test
    void realLinksIncludingAccentedHostsStayLinks() {
        assertEquals(Optional.of("https://boulangerie-martin.example/levain"),
                Urls.safeLink("https://boulangerie-martin.example/levain"));
        assertEquals(Optional.of("https://café.example/menu"), Urls.safeLink("https://café.example/menu"));
        assertEquals(Optional.of("mailto:bonjour@example.org"), Urls.safeLink("mailto:bonjour@example.org"));
    }

    @Test
    void scriptsAndControlCharactersAreNotLinks() {
        assertTrue(Urls.safeLink("javascript:alert(1)").isEmpty());
        assertTrue(Urls.safeLink("java\tscript:alert(1)").isEmpty());
    }
}
