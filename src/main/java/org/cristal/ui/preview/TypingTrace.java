package org.cristal.ui.preview;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For {@code bench --typing}: when one keystroke's way to the previews went through each stage
 * (debounce, render, hand-over to the FX thread, page patch, brochure, raster …), so the bench can say
 * where the time goes. Off (one volatile read per stage) unless the typing probe turns it on; it holds
 * times only, never text.
 */
public final class TypingTrace {
    /** The stages, in the order a keystroke normally goes through them. */
    public enum Stage {
        REQUEST, DEBOUNCED, RENDER_START, PARSED, TEXT_RENDERED, CHECKED, TEXT_ON_FX,
        WEB_PREPARED, WEB_PATCHED, EMAIL_PREPARED, EMAIL_PATCHED, SOCIAL_BUILT,
        BROCHURE_START, BROCHURE_RENDERED, BROCHURE_ON_FX, RASTER_START, RASTER_DONE, PAGE_SWAPPED,
        SPELLING_START, SPELLING_DONE
    }

    private static volatile Map<Stage, Long> marks;

    private TypingTrace() {
    }

    /** Starts a new trace now; each stage keeps the last time it was reached after this (the newest text's way). */
    public static void begin() {
        marks = new ConcurrentHashMap<>();
    }

    static void mark(Stage stage) {
        Map<Stage, Long> m = marks;
        if (m != null) {
            m.put(stage, System.nanoTime());
        }
    }

    /** The stages reached since {@link #begin()}, in nanoseconds of {@link System#nanoTime()}, in stage order. */
    public static Map<Stage, Long> snapshot() {
        Map<Stage, Long> m = marks;
        Map<Stage, Long> out = new LinkedHashMap<>();
        if (m != null) {
            for (Stage s : Stage.values()) {
                Long t = m.get(s);
                if (t != null) {
                    out.put(s, t);
                }
            }
        }
        return out;
    }
}
