package org.cristal.render.brochure;

import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;
import java.text.Bidi;

/**
 * Right-to-left text for openhtmltopdf: the Unicode bidirectional algorithm splits each paragraph into
 * runs (the JDK's {@link Bidi}), right-to-left runs are drawn reversed with mirrored brackets, and Arabic
 * is joined ({@link ArabicForms}). openhtmltopdf's own ICU4J-based module would bring a 14 MB library
 * for the same work and is no longer published for the openhtmltopdf version Cristal uses.
 */
final class PrintBidi implements BidiReorderer, BidiSplitterFactory {
    static final PrintBidi INSTANCE = new PrintBidi();

    private static final String MIRRORED = "()[]{}<>«»‹›⁅⁆⁽⁾₍₎≤≥〈〉《》「」『』【】〔〕";

    private PrintBidi() {
    }

    @Override
    public BidiSplitter createBidiSplitter() {
        return new Splitter();
    }

    /**
     * A right-to-left run, drawn left to right: reversed character by character, brackets mirrored. A
     * combining mark ends up before its letter, which is where right-to-left fonts draw it from (their marks
     * have no advance and reach over the glyph drawn next). Emoji sequences (joiners, variation selectors,
     * skin tones) stay in their order.
     */
    @Override
    public String reorderRTLTextToLTR(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int end = text.length();
        while (end > 0) {
            int start = end;
            while (start > 0) {
                int cp = text.codePointBefore(start);
                start -= Character.charCount(cp);
                if (!staysAfter(cp) && (start == 0 || text.codePointBefore(start) != 0x200D)) {
                    break;
                }
            }
            int first = text.codePointAt(start);
            out.appendCodePoint(mirror(first));
            out.append(text, start + Character.charCount(first), end);
            end = start;
        }
        return out.toString();
    }

    private static boolean staysAfter(int cp) {
        return cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    private static int mirror(int cp) {
        int i = cp > 0xFFFF ? -1 : MIRRORED.indexOf(cp);
        return i < 0 ? cp : MIRRORED.charAt(i ^ 1);
    }

    @Override
    public String shapeText(String text) {
        return ArabicForms.shape(text);
    }

    @Override
    public String deshapeText(String text) {
        return ArabicForms.unshape(text);
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }

    /** One paragraph's runs, each with its direction; openhtmltopdf orders them itself. */
    private static final class Splitter implements BidiSplitter {
        private Bidi bidi;

        @Override
        public void setParagraph(String paragraph, byte defaultDirection) {
            int flags = switch (defaultDirection) {
                case RTL -> Bidi.DIRECTION_RIGHT_TO_LEFT;
                case LTR -> Bidi.DIRECTION_LEFT_TO_RIGHT;
                default -> Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT;
            };
            bidi = new Bidi(paragraph, flags);
        }

        @Override
        public int countTextRuns() {
            return bidi.getRunCount();
        }

        @Override
        public BidiTextRun getVisualRun(int runIndex) {
            int start = bidi.getRunStart(runIndex);
            return new BidiTextRun(start, bidi.getRunLimit(runIndex) - start,
                    (bidi.getRunLevel(runIndex) & 1) == 0 ? LTR : RTL);
        }

        @Override
        public byte getBaseDirection(String paragraph) {
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                i += Character.charCount(cp);
                switch (Character.getDirectionality(cp)) {
                    case Character.DIRECTIONALITY_LEFT_TO_RIGHT:
                        return LTR;
                    case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
                        return RTL;
                    default:
                        break;
                }
            }
            return NEUTRAL;
        }
    }
}
