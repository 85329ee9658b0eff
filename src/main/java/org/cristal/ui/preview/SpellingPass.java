package org.cristal.ui.preview;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.cristal.check.Spelling;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.Severity;
import org.cristal.story.StoryDocument;
import org.cristal.ui.model.Workers;

/**
 * Spelling and grammar of the open story, checked after the previews and fast checks are shown, on
 * the one spelling thread. Requests coalesce: a pass that starts after a newer request was made does
 * nothing, one under way gives up at the next paragraph, and a result that arrives after one is
 * dropped. The first pass of a language loads its
 * dictionaries (seconds): it first hands over a "loading" finding, so the user knows why nothing
 * comes yet, while typing and previews go on.
 */
final class SpellingPass {
    static final Finding LOADING = Finding.of(Severity.INFO, null, "check.spelling.loading", 0);
    private static final System.Logger LOG = System.getLogger(SpellingPass.class.getName());

    private final Workers workers;
    private final Spelling spelling;
    private final Consumer<List<Finding>> deliver;
    private final AtomicLong generation = new AtomicLong();

    /** @param deliver called on the FX thread with the findings of the latest request */
    SpellingPass(Workers workers, Spelling spelling, Consumer<List<Finding>> deliver) {
        this.workers = workers;
        this.spelling = spelling;
        this.deliver = deliver;
    }

    void request(StoryDocument doc, Brand brand) {
        long gen = generation.incrementAndGet();
        workers.spelling().execute(() -> {
            if (gen != generation.get()) {
                return;
            }
            TypingTrace.mark(TypingTrace.Stage.SPELLING_START);
            if (!spelling.isReady(doc.story().lang())) {
                hand(gen, List.of(LOADING));
            }
            List<Finding> found;
            try {
                found = spelling.check(doc, brand, () -> gen != generation.get());
            } catch (RuntimeException e) {
                // Spelling is advice: a failure must cost neither the previews nor the other findings.
                LOG.log(System.Logger.Level.WARNING, "spelling check failed", e);
                found = List.of(Finding.of(Severity.INFO, null, "check.spelling.failed", 0));
            }
            TypingTrace.mark(TypingTrace.Stage.SPELLING_DONE);
            hand(gen, found);
        });
    }

    /** Drops the result of any pass waiting or under way. */
    void cancel() {
        generation.incrementAndGet();
    }

    private void hand(long gen, List<Finding> findings) {
        workers.fx().execute(() -> {
            if (gen == generation.get()) {
                deliver.accept(findings);
            }
        });
    }
}
