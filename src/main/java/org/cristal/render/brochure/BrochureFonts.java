package org.cristal.render.brochure;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts shipped in {@code assets/fonts}, read from the classpath once and handed to every render:
 * Noto Sans, Noto Serif and Noto Sans Mono for the text, then fallbacks for the scripts and symbols they
 * lack (Hangul, Arabic, Hebrew, Armenian, Canadian syllabics, CJK, emoji and symbols).
 *
 * <p>openhtmltopdf parses a font only when a glyph of it is drawn or measured, but it takes line
 * metrics from every font in a run's list; a fallback is therefore registered only when the text holds
 * a character the fonts before it lack (a cmap lookup per character, computed once).
 */
final class BrochureFonts {
    static final String SANS = "Cristal Sans";
    static final String SERIF = "Cristal Serif";
    static final String MONO = "Cristal Mono";
    private static final String ROOT = "/cristal-assets/fonts/";

    private record Face(String family, String file, int weight, FontStyle style) {
    }

    private static final List<Face> MAIN_FACES = List.of(
            new Face(SANS, "NotoSans-Regular.ttf", 400, FontStyle.NORMAL),
            new Face(SANS, "NotoSans-Bold.ttf", 700, FontStyle.NORMAL),
            new Face(SANS, "NotoSans-Italic.ttf", 400, FontStyle.ITALIC),
            new Face(SANS, "NotoSans-BoldItalic.ttf", 700, FontStyle.ITALIC),
            new Face(SERIF, "NotoSerif-Regular.ttf", 400, FontStyle.NORMAL),
            new Face(SERIF, "NotoSerif-Bold.ttf", 700, FontStyle.NORMAL),
            new Face(SERIF, "NotoSerif-Italic.ttf", 400, FontStyle.ITALIC),
            new Face(SERIF, "NotoSerif-BoldItalic.ttf", 700, FontStyle.ITALIC),
            new Face(MONO, "NotoSansMono-Regular.ttf", 400, FontStyle.NORMAL));
    /**
     * In the order openhtmltopdf tries them for a character the main fonts lack. Hangul comes before the
     * CJK font, which has a few Hangul syllables of another design ("가" among them).
     */
    private static final List<Face> FALLBACKS = List.of(
            fallback("Cristal Hangul", "CristalHangul-Regular.ttf"),
            fallback("Cristal Arabic", "NotoSansArabic-Regular.ttf"),
            fallback("Cristal Hebrew", "NotoSansHebrew-Regular.ttf"),
            fallback("Cristal Armenian", "NotoSansArmenian-Regular.ttf"),
            fallback("Cristal Syllabics", "NotoSansCanadianAboriginal-Regular.ttf"),
            fallback("Cristal CJK", "DroidSansFallbackFull.ttf"),
            fallback("Cristal Symbols", "Symbola.ttf"));

    /** The fonts a render has used, kept for the next one (package-visible for tests). */
    static final ConcurrentMap<String, byte[]> BYTES = new ConcurrentHashMap<>();
    private static final FSCacheEx<String, FSCacheValue> METRICS = new MetricsCache();

    private BrochureFonts() {
    }

    private static Face fallback(String family, String file) {
        return new Face(family, file, 400, FontStyle.NORMAL);
    }

    /**
     * Which fallback fonts a text needs (bit {@code i} for {@code FALLBACKS.get(i)}), and which of its
     * characters no shipped font can print: openhtmltopdf would print those as "#".
     */
    record Needs(int fallbacks, String missing) {
        boolean needs(int fallback) {
            return (fallbacks & (1 << fallback)) != 0;
        }
    }

    // Holder idiom: the cmaps (the CJK font's is large) are read on first use, once.
    private static final class Coverage {
        static final BitSet MAIN = main();
        static final List<BitSet> FALLBACK = FALLBACKS.stream().map(f -> cmap(f.file())).toList();

        private static BitSet main() {
            BitSet sans = cmap("NotoSans-Regular.ttf");
            sans.and(cmap("NotoSerif-Regular.ttf"));
            return sans;
        }
    }

    static Needs needs(CharSequence text) {
        int fallbacks = 0;
        StringBuilder missing = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (cp < 0x80 || Coverage.MAIN.get(cp) || !printable(cp)) {
                continue;
            }
            int font = fallbackFor(cp);
            if (font >= 0) {
                fallbacks |= 1 << font;
            } else if (missing.length() < 20 && missing.indexOf(new String(Character.toChars(cp))) < 0) {
                missing.appendCodePoint(cp);
            }
        }
        return new Needs(fallbacks, missing.toString());
    }

    private static int fallbackFor(int cp) {
        for (int f = 0; f < FALLBACKS.size(); f++) {
            if (Coverage.FALLBACK.get(f).get(cp)) {
                return f;
            }
        }
        return -1;
    }

    // Combining marks count: one no font has is drawn as "#" like any other character.
    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && type != Character.CONTROL
                && type != Character.FORMAT && type != Character.UNASSIGNED;
    }

    static void install(PdfRendererBuilder builder, Needs needs) {
        for (Face face : MAIN_FACES) {
            add(builder, face, FSFontUseCase.DOCUMENT);
        }
        // Fallbacks come after the requested family and before PDF's built-in (never embedded) fonts.
        for (int f = 0; f < FALLBACKS.size(); f++) {
            if (needs.needs(f)) {
                add(builder, FALLBACKS.get(f), FSFontUseCase.FALLBACK_PRE);
            }
        }
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, METRICS);
    }

    private static void add(PdfRendererBuilder builder, Face face, FSFontUseCase useCase) {
        builder.useFont(() -> new ByteArrayInputStream(bytes(face.file())), face.family(), face.weight(), face.style(),
                true, EnumSet.of(useCase));
    }

    /** The CSS font-family for a brand's font name: generic names map to the shipped families. */
    static String cssFamily(String brandFont) {
        String f = brandFont == null ? "" : brandFont.toLowerCase(Locale.ROOT);
        if (f.contains("mono") || f.contains("courier")) {
            return "'" + MONO + "', '" + SANS + "'";
        }
        boolean serif = (f.contains("serif") && !f.contains("sans")) || f.contains("georgia") || f.contains("times")
                || f.contains("garamond") || f.contains("baskerville") || f.contains("playfair")
                || f.contains("merriweather") || f.contains("lora") || f.contains("didot") || f.contains("bodoni");
        return "'" + (serif ? SERIF : SANS) + "'";
    }

    static byte[] bytes(String file) {
        return BYTES.computeIfAbsent(file, BrochureFonts::load);
    }

    private static byte[] load(String file) {
        try (InputStream in = BrochureFonts.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + ROOT + file);
            }
            return withoutGlyphSubstitution(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hides the GSUB table by renaming its tag in the table directory. PDFBox 3 applies GSUB rules on
     * every text run it writes and compiles regular expressions from the ligature table each time, which
     * tripled render time; openhtmltopdf measures text without ligatures anyway, so drawing them would
     * only make widths disagree. The subset embedded in the PDF never carried GSUB.
     */
    static byte[] withoutGlyphSubstitution(byte[] font) {
        if (font.length < 12) {
            return font;
        }
        int tables = ((font[4] & 0xFF) << 8) | (font[5] & 0xFF);
        for (int i = 0; i < tables && 12 + 16 * i + 4 <= font.length; i++) {
            int p = 12 + 16 * i;
            if (font[p] == 'G' && font[p + 1] == 'S' && font[p + 2] == 'U' && font[p + 3] == 'B') {
                font[p] = 'x';
                font[p + 1] = 's';
                font[p + 2] = 'u';
                font[p + 3] = 'b';
            }
        }
        return font;
    }

    /**
     * The characters a font has. Read without keeping the font: the fallbacks' coverage is needed for
     * every story, their bytes (8 MB, the CJK font alone 4 MB) only for a story that uses them.
     */
    static BitSet cmap(String file) {
        BitSet set = new BitSet(0x20000);
        byte[] held = BYTES.get(file);
        byte[] font = held != null ? held : load(file);
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            for (int cp = 0; cp < 0x30000; cp++) {
                if (cmap.getGlyphId(cp) != 0) {
                    set.set(cp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }

    /** Font metrics survive between renders: without them openhtmltopdf parses every listed font per document. */
    private static final class MetricsCache implements FSCacheEx<String, FSCacheValue> {
        private final ConcurrentMap<String, FSCacheValue> map = new ConcurrentHashMap<>();

        @Override
        public void put(String key, FSCacheValue value) {
            map.put(key, value);
        }

        @Override
        public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
            return map.computeIfAbsent(key, k -> {
                try {
                    return loader.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public FSCacheValue get(String key) {
            return map.get(key);
        }
    }
}
