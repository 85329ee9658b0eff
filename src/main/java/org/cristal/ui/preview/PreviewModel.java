package org.cristal.ui.preview;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.check.Checks;
import org.cristal.check.Spelling;
import org.cristal.library.Workspace;
import org.cristal.render.PaperSize;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.StoryDocument;
import org.cristal.ui.model.Debouncer;
import org.cristal.ui.model.Workers;

/**
 * The four renditions of the open story, kept current while the user types: requests are
 * debounced, rendering runs on the render threads, and a result that arrives after a newer request
 * is dropped, so the previews never go back in time. Spelling and grammar (when turned on) come after,
 * from a {@link SpellingPass} on their own thread, and are appended to the findings when they arrive.
 */
public final class PreviewModel {
    /**
     * The pause in typing before the web, e-mail and social previews are made again. They take a few
     * milliseconds, so the pause is only long enough for a fast typist's next key (about 60 ms apart)
     * to come first, not for every keystroke to cost a render.
     */
    public static final Duration DEBOUNCE = Duration.ofMillis(80);
    /**
     * The pause before the brochure is made again, counted from the same keystroke: its PDF and page
     * raster cost tens of times a text preview, so it waits for a longer pause, and never takes a core
     * while the text previews of the same keystroke are being made.
     */
    public static final Duration BROCHURE_DEBOUNCE = Duration.ofMillis(150);
    private static final System.Logger LOG = System.getLogger(PreviewModel.class.getName());

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ReadOnlyObjectWrapper<Renderers.All> renditions = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<VariantSummary> variants = new ReadOnlyObjectWrapper<>(VariantSummary.NONE);
    private final ReadOnlyObjectWrapper<Brand> brand = new ReadOnlyObjectWrapper<>(Brand.DEFAULT);
    private final ObjectProperty<Brand> brandOverride = new SimpleObjectProperty<>();
    private final ObjectProperty<PaperSize> paper = new SimpleObjectProperty<>(PaperSize.A4);
    private final javafx.beans.property.BooleanProperty printReady =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private final javafx.beans.property.BooleanProperty exactPaper =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private final AtomicLong generation = new AtomicLong();
    private final Debouncer debouncer;
    private String id = "";
    // One date per opened story: a PDF whose bytes change with the clock would be re-rasterised on every keystroke.
    private Instant renderedAt = Instant.now();
    private String source = "";
    /** When the text last changed ({@link System#nanoTime()}); 0 for a story just opened, whose brochure must not wait. */
    private long editedAt;
    private final javafx.beans.property.BooleanProperty spelling = new javafx.beans.property.SimpleBooleanProperty(true);
    private final SpellingPass spellingPass;
    // What the findings list is made of, on the FX thread: the fast pass and the spelling pass.
    private List<Finding> fastFindings = List.of();
    private List<Finding> spellingFindings = List.of();
    private StoryDocument shownDoc;
    private final javafx.beans.property.ReadOnlyObjectWrapper<StoryDocument> document =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private Brand shownBrand;

    /** How the four renditions are made; tests put a slow one here. */
    @FunctionalInterface
    interface RenderAll {
        java.util.concurrent.CompletableFuture<Renderers.All> render(StoryDocument doc, Brand brand,
                RenderOptions options, java.util.concurrent.Executor executor);
    }

    /** How the renditions are made; null for the studio's own way: the three text channels first, then the brochure. */
    private final RenderAll renderAll;

    public PreviewModel(Workers workers, Supplier<Workspace> workspace) {
        this(workers, workspace, null, Spelling.shared());
    }

    PreviewModel(Workers workers, Supplier<Workspace> workspace, RenderAll renderAll) {
        this(workers, workspace, renderAll, Spelling.shared());
    }

    PreviewModel(Workers workers, Supplier<Workspace> workspace, RenderAll renderAll, Spelling checker) {
        this.renderAll = renderAll;
        this.spellingPass = new SpellingPass(workers, checker, found -> {
            if (spelling.get()) {
                spellingFindings = found;
                publishFindings();
            }
        });
        spelling.addListener((o, a, on) -> {
            spellingPass.cancel();
            spellingFindings = List.of();
            publishFindings();
            if (on && shownDoc != null) {
                spellingPass.request(shownDoc, shownBrand);
            }
        });
        this.workers = workers;
        this.workspace = workspace;
        this.debouncer = new Debouncer(workers.timer(), DEBOUNCE, workers.fx(), this::render);
        brandOverride.addListener((o, a, b) -> renderSoon());
        paper.addListener((o, a, b) -> renderSoon());
        printReady.addListener((o, a, b) -> renderSoon());
        exactPaper.addListener((o, a, b) -> renderSoon());
    }

    /** The open story's A/B variants, each arm's texts side by side; {@link VariantSummary#NONE} for none. */
    public ReadOnlyObjectProperty<VariantSummary> variantsProperty() {
        return variants.getReadOnlyProperty();
    }

    /** The story the renditions shown were made from (the cards' link title, photo, Google post). */
    public ReadOnlyObjectProperty<StoryDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Renderers.All> renditionsProperty() {
        return renditions.getReadOnlyProperty();
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    /** The brand of the renditions shown (sender name and avatar in the previews). */
    public ReadOnlyObjectProperty<Brand> brandProperty() {
        return brand.getReadOnlyProperty();
    }

    /**
     * Whether spelling and grammar are checked (LanguageTool; on by default). Turning it off drops
     * their findings at once.
     */
    public javafx.beans.property.BooleanProperty spellingProperty() {
        return spelling;
    }

    /** The brochure's paper (A4, the A5 flyer or the tri-fold; brands in North America get Letter sizes unless {@link #exactPaperProperty()}). */
    public ObjectProperty<PaperSize> paperProperty() {
        return paper;
    }

    /** The paper exactly as chosen, even for a brand in North America ("A4 (force)"). */
    public javafx.beans.property.BooleanProperty exactPaperProperty() {
        return exactPaper;
    }

    /** Brochure with 3 mm bleed and crop marks, for a print shop. */
    public javafx.beans.property.BooleanProperty printReadyProperty() {
        return printReady;
    }

    /** The options the previews render with now; exports use the same. */
    public RenderOptions options(Instant at, Workspace ws) {
        PaperSize size = paper.get() == null ? PaperSize.A4 : paper.get();
        RenderOptions base = RenderOptions.at(at).withZone(ZoneId.systemDefault()).withAssets(ws.assetResolver());
        return (exactPaper.get() ? base.withExactPaper(size) : base.withPaper(size)).withPrintReady(printReady.get());
    }

    /** A brand being edited: previews of stories of that brand follow its unsaved edits at once. */
    public ObjectProperty<Brand> brandOverrideProperty() {
        return brandOverride;
    }

    /** Asks for fresh renditions of this story text; the last request within the debounce wins. */
    public void request(String storyId, String storySource) {
        TypingTrace.mark(TypingTrace.Stage.REQUEST);
        id = storyId;
        source = storySource;
        editedAt = System.nanoTime();
        // A spelling pass of an older text would only compete with the previews for a core; its findings
        // stay on the list until the pass of the new text lands.
        spellingPass.cancel();
        renderSoon();
    }

    /** Renders the last requested text at once (opening a story should not wait for the debounce). */
    public void requestNow(String storyId, String storySource) {
        renderedAt = Instant.now();
        id = storyId;
        source = storySource;
        editedAt = 0;
        debouncer.cancel();
        render();
    }

    public void clear() {
        generation.incrementAndGet();
        debouncer.cancel();
        renditions.set(null);
        spellingPass.cancel();
        fastFindings = List.of();
        spellingFindings = List.of();
        shownDoc = null;
        findings.clear();
        variants.set(VariantSummary.NONE);
    }

    private void renderSoon() {
        if (!source.isEmpty()) {
            debouncer.poke();
        }
    }

    private void render() {
        TypingTrace.mark(TypingTrace.Stage.DEBOUNCED);
        long gen = generation.incrementAndGet();
        String storyId = id;
        String text = source;
        Workspace ws = workspace.get();
        Brand override = brandOverride.get();
        Instant at = renderedAt;
        long edited = editedAt;
        RenderOptions options = options(at, ws);
        if (text.isEmpty() || ws == null) {
            return;
        }
        workers.render().execute(() -> {
            if (gen != generation.get()) {
                return;
            }
            try {
                TypingTrace.mark(TypingTrace.Stage.RENDER_START);
                StoryDocument doc = StoryDocument.parse(storyId, text);
                TypingTrace.mark(TypingTrace.Stage.PARSED);
                String brandId = doc.story().brand();
                Brand used = override != null && override.id().equals(brandId) ? override
                        : ws.brands().get(brandId).orElse(Brand.DEFAULT);
                showVariants(gen, doc);
                var persona = persona(ws, doc);
                if (renderAll == null) {
                    renderTextFirst(gen, storyId, doc, used, options, edited, persona);
                    return;
                }
                renderAll.render(doc, used, options, workers.render()).whenComplete((all, t) -> {
                    if (t != null) {
                        LOG.log(System.Logger.Level.WARNING, "render failed for " + storyId, t);
                    }
                    // The content checks run here, on the render thread that finished the renditions.
                    List<Finding> checks = all == null || gen != generation.get() ? List.of()
                            : checks(doc, used, all, persona);
                    workers.fx().execute(() -> deliver(gen, all, used, checks, doc));
                });
            } catch (Exception e) {
                // The text does not parse (a broken draft): keep showing the last good previews.
                LOG.log(System.Logger.Level.DEBUG, "story text not renderable yet: " + e);
                workers.fx().execute(() -> deliver(gen, null, null, List.of(), null));
            }
        });
    }

    /** The variants of the story just parsed, read here on the render thread, handed to the FX thread. */
    private void showVariants(long gen, StoryDocument doc) {
        VariantSummary v = VariantSummary.of(doc.story());
        workers.fx().execute(() -> {
            if (gen == generation.get() && !v.equals(variants.get())) {
                variants.set(v);
            }
        });
    }

    /**
     * The web, e-mail and social renditions take a few milliseconds and the brochure tens: the text
     * previews are handed over as soon as they are ready (with the brochure shown so far), then the
     * content checks run, and the brochure follows once the longer brochure pause has passed, so a
     * keystroke never waits for the PDF or the checks. The findings arrive together with the brochure.
     */
    private void renderTextFirst(long gen, String storyId, StoryDocument doc, Brand used, RenderOptions options,
            long edited, java.util.Optional<java.util.Optional<org.cristal.check.PersonaRules>> persona) {
        Renderers.All text;
        try {
            text = new Renderers.All(Renderers.WEB.render(doc, used, options), Renderers.EMAIL.render(doc, used, options),
                    Renderers.SOCIAL.render(doc, used, options), null);
            TypingTrace.mark(TypingTrace.Stage.TEXT_RENDERED);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "render failed for " + storyId, e);
            return;
        }
        workers.fx().execute(() -> deliverText(gen, text, used, doc));
        if (gen != generation.get()) {
            return;
        }
        List<Finding> checks = checks(doc, used, text, persona);
        TypingTrace.mark(TypingTrace.Stage.CHECKED);
        // Spelling waits for the brochure: LanguageTool's first load takes seconds of a core, which the
        // brochure and the web pages need first.
        long wait = edited == 0 ? 0 : BROCHURE_DEBOUNCE.toNanos() - (System.nanoTime() - edited);
        java.util.concurrent.Executor brochureThread = wait <= 0 ? workers.render()
                : task -> schedule(wait, () -> workers.render().execute(task));
        java.util.concurrent.CompletableFuture.supplyAsync(() -> gen == generation.get()
                ? brochure(doc, used, options) : null, brochureThread).whenComplete((pdf, t) -> {
                    if (t != null) {
                        LOG.log(System.Logger.Level.WARNING, "brochure render failed for " + storyId, t);
                        workers.fx().execute(() -> deliver(gen, text, used, checks, doc));
                    } else if (pdf != null) {
                        Renderers.All all = new Renderers.All(text.web(), text.email(), text.social(), pdf);
                        workers.fx().execute(() -> deliver(gen, all, used, checks, doc));
                    }
                });
    }

    private void schedule(long nanos, Runnable task) {
        try {
            workers.timer().schedule(task, nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The studio is closing: no brochure is wanted any more.
        }
    }

    private static org.cristal.story.Rendition<org.cristal.story.BrochurePdf> brochure(StoryDocument doc, Brand used,
            RenderOptions options) {
        TypingTrace.mark(TypingTrace.Stage.BROCHURE_START);
        org.cristal.story.Rendition<org.cristal.story.BrochurePdf> pdf = Renderers.BROCHURE.render(doc, used, options);
        TypingTrace.mark(TypingTrace.Stage.BROCHURE_RENDERED);
        return pdf;
    }

    /** The text renditions, with the brochure of the same story shown until the new one is ready. */
    private void deliverText(long gen, Renderers.All text, Brand used, StoryDocument doc) {
        TypingTrace.mark(TypingTrace.Stage.TEXT_ON_FX);
        if (gen != generation.get()) {
            return;
        }
        Renderers.All before = renditions.get();
        boolean sameStory = before != null && shownDoc != null && shownDoc.story().id().equals(doc.story().id());
        brand.set(used);
        // Before the renditions: whoever shows them reads the story they came from.
        document.set(doc);
        // The findings stay as they are until the brochure's and the checks' arrive with the brochure:
        // the list changes once per pause in typing, in channel order, instead of twice.
        renditions.set(new Renderers.All(text.web(), text.email(), text.social(), sameStory ? before.brochure() : null));
    }

    /**
     * The persona the story's {@code persona:} names, read here on the render thread: empty when it names
     * none, empty inside when the workspace has no persona of that name (a finding says so).
     */
    private static java.util.Optional<java.util.Optional<org.cristal.check.PersonaRules>> persona(Workspace ws,
            StoryDocument doc) {
        try {
            return org.cristal.story.StoryPersona.name(doc.story()).map(name -> ws.personas().find(name)
                    .map(org.cristal.library.persona.Persona::rules));
        } catch (RuntimeException e) {
            // The persona's checks must never cost the user the previews.
            LOG.log(System.Logger.Level.WARNING, "reading the story's persona failed", e);
            return java.util.Optional.empty();
        }
    }

    private static List<Finding> checks(StoryDocument doc, Brand brand, Renderers.All all,
            java.util.Optional<java.util.Optional<org.cristal.check.PersonaRules>> persona) {
        try {
            // The parser's own findings (an unknown front-matter key, a bad date …) come first, as the CLI shows them.
            List<Finding> out = new ArrayList<>(doc.findings());
            out.addAll(persona.isPresent() ? Checks.run(doc, brand, all, persona.get()) : Checks.run(doc, brand, all));
            return out;
        } catch (RuntimeException e) {
            // A check must never cost the user the previews.
            LOG.log(System.Logger.Level.WARNING, "content checks failed", e);
            return List.of();
        }
    }

    /** All four renditions (or none: the text does not parse) with their findings; spelling is checked next. */
    private void deliver(long gen, Renderers.All all, Brand used, List<Finding> checks, StoryDocument doc) {
        if (gen != generation.get()) {
            return;
        }
        if (all != null) {
            TypingTrace.mark(TypingTrace.Stage.BROCHURE_ON_FX);
            brand.set(used);
            renditions.set(all);
            List<Finding> list = new ArrayList<>();
            list.addAll(all.web().findings());
            list.addAll(all.email().findings());
            list.addAll(all.social().findings());
            // The text previews may arrive before this story's first brochure.
            if (all.brochure() != null) {
                list.addAll(all.brochure().findings());
            }
            list.addAll(checks);
            fastFindings = list;
            // Another story's spelling findings go at once; this story's stay until the new pass lands,
            // so the list does not blink at every keystroke.
            if (shownDoc == null || !shownDoc.story().id().equals(doc.story().id())) {
                spellingFindings = List.of();
            }
            shownDoc = doc;
            shownBrand = used;
            publishFindings();
            if (spelling.get()) {
                spellingPass.request(doc, used);
            }
        }
    }

    private void publishFindings() {
        List<Finding> list = new ArrayList<>(fastFindings);
        if (spelling.get()) {
            list.addAll(spellingFindings);
        }
        // The brochure arriving after the text previews usually brings no new finding: leave the list
        // (its selection and scroll position) alone then.
        if (!list.equals(findings)) {
            findings.setAll(list);
        }
    }
}
