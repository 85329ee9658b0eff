package org.cristal.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.cristal.render.Renderers;
import org.cristal.story.Network;
import org.cristal.ui.preview.PreviewGrid;
import org.cristal.ui.preview.TypingTrace;
import org.fxmisc.richtext.CodeArea;

/**
 * For {@code bench --typing}: types into the running studio and times, from the last keystroke, until
 * the web, e-mail and social previews show the new word on screen and the brochure page shown is the
 * one rasterised from the new text. Key events go through the editor's own input handling; the
 * previews are checked after each layout pulse, so a time is taken in the pulse whose frame shows it.
 */
public final class TypingProbe {
    private static final long KEY_GAP_MS = 60;
    private static final long QUIET_MS = 300;
    private static final long GIVE_UP_MS = 10_000;
    private static final int WARM_UP = 5;

    private final Studio studio;
    private final int edits;
    private final Consumer<String> out;
    private final Runnable done;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "typing-probe");
        t.setDaemon(true);
        return t;
    });
    private final Map<byte[], Boolean> newPdfs = new IdentityHashMap<>();
    private final List<long[]> samples = new ArrayList<>();
    /** Per measured edit: milliseconds from the last keystroke to each stage of {@link TypingTrace}, -1 when not reached. */
    private final List<long[]> stages = new ArrayList<>();
    private String word;
    private long lastKey;
    private long[] seen;
    private int edit = -WARM_UP;

    private TypingProbe(Studio studio, int edits, Consumer<String> out, Runnable done) {
        this.studio = studio;
        this.edits = edits;
        this.out = out;
        this.done = done;
    }

    /**
     * Makes the open story about {@code words} words long (its body repeated), waits for its previews,
     * then types {@code edits} words (after a few unmeasured ones), printing one line per edit and the
     * percentiles, and runs {@code done}. Call on the FX thread once the previews are filled.
     */
    public static void run(Studio studio, int words, int edits, Consumer<String> out, Runnable done) {
        new TypingProbe(studio, edits, out, done).start(words);
    }

    private CodeArea area() {
        return studio.window().editor().area();
    }

    private PreviewGrid previews() {
        return studio.window().previews();
    }

    private void start(int words) {
        // LinkedIn's post carries the story's first passages, where the words are typed; X's only the summary.
        previews().social().networkProperty().set(Network.LINKEDIN);
        String body = area().getText();
        StringBuilder text = new StringBuilder(body);
        for (int part = 2; words(text.toString()) < words; part++) {
            text.append("\n\n## Part ").append(part).append("\n\n").append(body);
        }
        area().replaceText(text.toString());
        out.accept("typing story " + words(area().getText()) + " words");
        studio.model().preview().renditionsProperty().addListener((o, a, all) -> noteBrochure(a, all));
        area().getScene().addPostLayoutPulseListener(this::check);
        // Let the long story's first previews and spelling pass land before the first keystroke.
        clock.schedule(() -> Platform.runLater(this::nextEdit), 3, TimeUnit.SECONDS);
    }

    private void nextEdit() {
        if (edit >= edits) {
            report();
            return;
        }
        word = "kiwa" + letters(edit + WARM_UP);
        int at = firstParagraphEnd(area().getText());
        area().moveTo(at);
        area().requestFocus();
        String keys = " " + word;
        for (int i = 0; i < keys.length(); i++) {
            String key = keys.substring(i, i + 1);
            boolean last = i == keys.length() - 1;
            clock.schedule(() -> Platform.runLater(() -> type(key, last)), i * KEY_GAP_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void type(String key, boolean last) {
        if (last) {
            // The clock starts before the editor handles the key: its own work counts too.
            TypingTrace.begin();
            lastKey = System.nanoTime();
        }
        Event.fireEvent(area(), new KeyEvent(KeyEvent.KEY_TYPED, key, key, KeyCode.UNDEFINED,
                false, false, false, false));
        if (last) {
            seen = new long[4];
            Arrays.fill(seen, -1);
            newPdfs.clear();
            long mine = edit;
            clock.schedule(() -> Platform.runLater(() -> {
                if (edit == mine && seen != null) {
                    out.accept("typing edit " + word + " gave up after " + GIVE_UP_MS + " ms: " + Arrays.toString(seen));
                    finishEdit();
                }
            }), GIVE_UP_MS, TimeUnit.MILLISECONDS);
            Platform.requestNextPulse();
        }
    }

    /** A brochure made from the new text: a new one (the text previews may arrive with the old one) next to the new web page. */
    private void noteBrochure(Renderers.All before, Renderers.All all) {
        if (seen != null && all != null && all.brochure() != null && all.web() != null
                && (before == null || before.brochure() != all.brochure())
                && all.web().body().html().contains(word)) {
            newPdfs.put(all.brochure().body().pdf(), Boolean.TRUE);
        }
    }

    /** After each layout pulse: which previews now show the new word. */
    private void check() {
        if (seen == null) {
            return;
        }
        long now = System.nanoTime();
        PreviewGrid p = previews();
        mark(0, now, p.web().showsText(word));
        mark(1, now, p.email().showsText(word));
        mark(2, now, p.social().showsText(word));
        byte[] pdf = p.brochure().shownPdf();
        mark(3, now, pdf != null && newPdfs.containsKey(pdf));
        if (Arrays.stream(seen).allMatch(v -> v >= 0)) {
            finishEdit();
        } else {
            Platform.requestNextPulse();
        }
    }

    private void mark(int i, long now, boolean shows) {
        if (seen[i] < 0 && shows) {
            seen[i] = (now - lastKey) / 1_000_000;
        }
    }

    private void finishEdit() {
        long[] s = seen;
        seen = null;
        if (edit >= 0) {
            samples.add(s);
            stages.add(stageTimes());
            out.accept(String.format("typing edit %d web %d email %d social %d brochure %d ms",
                    edit + 1, s[0], s[1], s[2], s[3]));
            StringBuilder trace = new StringBuilder("typing trace ").append(edit + 1);
            long[] t = stages.get(stages.size() - 1);
            for (TypingTrace.Stage st : TypingTrace.Stage.values()) {
                if (t[st.ordinal()] >= 0) {
                    trace.append(' ').append(st.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(t[st.ordinal()]);
                }
            }
            out.accept(trace.toString());
        }
        edit++;
        clock.schedule(() -> Platform.runLater(this::nextEdit), QUIET_MS, TimeUnit.MILLISECONDS);
    }

    private long[] stageTimes() {
        Map<TypingTrace.Stage, Long> marks = TypingTrace.snapshot();
        long[] out = new long[TypingTrace.Stage.values().length];
        for (TypingTrace.Stage st : TypingTrace.Stage.values()) {
            Long t = marks.get(st);
            out[st.ordinal()] = t == null ? -1 : (t - lastKey) / 1_000_000;
        }
        return out;
    }

    /** Where the time went: each stage's time after the last keystroke, over the edits that reached it. */
    private void reportStages() {
        for (TypingTrace.Stage st : TypingTrace.Stage.values()) {
            long[] v = stages.stream().mapToLong(s -> s[st.ordinal()]).filter(t -> t >= 0).sorted().toArray();
            out.accept(String.format("typing stage %-18s p50 %5d p95 %5d max %5d ms (%d of %d edits)",
                    st.name().toLowerCase(java.util.Locale.ROOT), pct(v, 50), pct(v, 95),
                    v.length == 0 ? -1 : v[v.length - 1], v.length, stages.size()));
        }
    }

    private void report() {
        reportStages();
        String[] names = {"web", "email", "social", "brochure"};
        for (int i = 0; i < names.length; i++) {
            int k = i;
            long[] v = samples.stream().mapToLong(s -> s[k]).sorted().toArray();
            boolean missed = v.length == 0 || v[0] < 0;
            out.accept(String.format("typing %s p50 %d p95 %d max %d ms over %d edits%s", names[i],
                    pct(v, 50), pct(v, 95), v.length == 0 ? -1 : v[v.length - 1], v.length,
                    missed ? " (some never shown)" : ""));
        }
        clock.shutdownNow();
        done.run();
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** The end of the body's first plain paragraph (not a heading, list, quote or image). */
    private static int firstParagraphEnd(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            String line = text.substring(start, end).strip();
            if (!line.isEmpty() && Character.isLetter(line.codePointAt(0))) {
                return end;
            }
            start = end + 1;
        }
        return text.length();
    }

    private static int words(String text) {
        return (int) java.util.Arrays.stream(text.split("\\s+")).filter(w -> w.chars().anyMatch(Character::isLetterOrDigit))
                .count();
    }

    /** 0 → "a", 25 → "z", 26 → "ba": words no dictionary or story holds. */
    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.insert(0, (char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return "q" + s;
    }
}
