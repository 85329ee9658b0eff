package org.cristal.render.brochure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The brochure's fallback fonts stay on disk until a story needs one of them. */
class BrochureFontsMemoryTest {
    @Test
    void knowingWhichCharactersTheCjkFallbackHasDoesNotKeepItsFourMegabytesInMemory() {
        String cjk = "DroidSansFallbackFull.ttf";
        BrochureFonts.BYTES.remove(cjk);
        // "中" is in it: the coverage is really read from the font.
        assertTrue(BrochureFonts.cmap(cjk).get('中'));
        assertFalse(BrochureFonts.BYTES.containsKey(cjk), "the CJK font is held after reading its coverage");
        // Drawing with it loads it once and keeps it for the next render.
        assertTrue(BrochureFonts.bytes(cjk).length > 1_000_000);
        assertTrue(BrochureFonts.BYTES.containsKey(cjk));
    }
}
