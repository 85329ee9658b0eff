package org.cristal.render.brochure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.cristal.render.RenderOptions;
import org.cristal.render.common.MergeTags;
import org.cristal.render.common.Pages;
import org.cristal.story.Brand;
import org.cristal.story.Cta;
import org.cristal.story.Finding;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.Urls;
import org.cristal.story.Utm;

/**
 * One brochure per contact, fast: the brochure is laid out once per distinct merged text (most stories
 * greet by first name, so a few hundred layouts at most, often one) with the window's part of the page left
 * blank, and each contact's address block and QR code are drawn over it with PDFBox. Layouts and copies are
 * made on every core. The merged print file reuses each layout's pages as form XObjects, so it holds each
 * layout's fonts and images once, not once per copy. See ADR 0032.
 */
public final class PersonalPrint {
    /**
     * One copy to print.
     *
     * @param token   the contact's link token: their QR code's {@code utm_content}, and their file's name
     * @param address the lines of the address block (name, street, postcode and city, country)
     * @param fields  merge fields, lower-case name → value ({@code first_name} …)
     */
    public record Recipient(String token, List<String> address, Map<String, String> fields) {
        public Recipient {
            address = List.copyOf(address);
            fields = Map.copyOf(fields);
        }
    }

    /** A copy made: its PDF, and how many pages it has (its range in the merged file). */
    public record Copy(int index, Recipient recipient, byte[] pdf, int pages) {
    }

    /** Receives the copies in the recipients' order, on the caller's thread. */
    public interface Sink {
        void accept(Copy copy) throws IOException;
    }

    /** What a run made: copies, distinct layouts, findings of the first layout. */
    public record Result(int copies, int layouts, boolean cancelled, List<Finding> findings) {
    }

    private static final Pattern SLUG_SAFE = Pattern.compile("[\\\\`*_\\[\\]<>#{}|]");

    private final Story story;
    private final Brand brand;
    private final RenderOptions options;
    private final MailWindow window;
    private final int threads;

    public PersonalPrint(Story story, Brand brand, RenderOptions options, MailWindow window) {
        this(story, brand, options, window, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public PersonalPrint(Story story, Brand brand, RenderOptions options, MailWindow window, int threads) {
        this.story = story;
        this.brand = brand == null ? Brand.DEFAULT : brand;
        this.options = options;
        this.window = window;
        this.threads = Math.max(1, threads);
    }

    /**
     * Makes every copy, in order, handing each to {@code sink}; with {@code merged} not null, also writes the
     * merged print file there (all copies in this order), only when every copy was made: a cancelled or
     * failed run leaves no merged file behind.
     *
     * @param done      told the number of copies made so far
     * @param cancelled asked between copies; true stops the run
     */
    public Result print(List<Recipient> recipients, Sink sink, Path merged, IntConsumer done, BooleanSupplier cancelled)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cristal-print");
            t.setDaemon(true);
            return t;
        });
        Map<String, CompletableFuture<BrochureRenderer.Base>> layouts = new ConcurrentHashMap<>();
        List<Finding> findings = new ArrayList<>();
        Path part = merged == null ? null : merged.resolveSibling(merged.getFileName() + ".part");
        Merger merger = merged == null ? null : new Merger();
        int made = 0;
        boolean stopped = false;
        try {
            Deque<Future<Made>> pending = new ArrayDeque<>();
            int next = 0;
            int ahead = threads * 3;
            while (made < recipients.size()) {
                while (next < recipients.size() && pending.size() < ahead) {
                    int index = next++;
                    Recipient r = recipients.get(index);
                    pending.add(pool.submit(() -> copy(index, r, layouts)));
                }
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                Made m = get(pending.poll());
                if (made == 0) {
                    findings.addAll(m.base().rendition().findings());
                }
                sink.accept(m.copy());
                if (merger != null) {
                    merger.add(m.copy(), m.base());
                }
                made++;
                done.accept(made);
            }
            if (!stopped && merger != null) {
                merger.save(part);
                Files.move(part, merged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            pool.shutdownNow();
            if (merger != null) {
                merger.close();
            }
            if (part != null) {
                Files.deleteIfExists(part);
            }
        }
        return new Result(made, layouts.size(), stopped, findings);
    }

    private record Made(Copy copy, BrochureRenderer.Base base) {
    }

    private static Made get(Future<Made> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private BrochureRenderer.Base layout(Recipient r, Map<String, CompletableFuture<BrochureRenderer.Base>> layouts) {
        Story merged = merged(r.fields());
        String key = merged.title() + '\0' + merged.summary() + '\0' + merged.body() + '\0'
                + merged.cta().map(Cta::label).orElse("");
        CompletableFuture<BrochureRenderer.Base> f = new CompletableFuture<>();
        CompletableFuture<BrochureRenderer.Base> known = layouts.putIfAbsent(key, f);
        if (known != null) {
            return known.join();
        }
        // Laid out by the first copy that needs it; the others with the same text wait for it.
        try {
            f.complete(BrochureRenderer.render(StoryDocument.of(merged), brand, options, window));
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
        }
        return f.join();
    }

    private Made copy(int index, Recipient r, Map<String, CompletableFuture<BrochureRenderer.Base>> layouts)
            throws IOException {
        BrochureRenderer.Base base = layout(r, layouts);
        try (PDDocument pdf = Loader.loadPDF(base.rendition().body().pdf())) {
            PDPage page = pdf.getPage(0);
            MailOverlay overlay = new MailOverlay(pdf);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page, AppendMode.APPEND, true, true)) {
                overlay.draw(cs, trim(page), base.mail(), sender(), r.address(), qrLink(r.token()), caption());
            }
            return new Made(new Copy(index, r, PdfLayout.save(pdf), pdf.getNumberOfPages()), base);
        }
    }

    private static PDRectangle trim(PDPage page) {
        return page.getTrimBox();
    }

    /** The merged file: each layout's pages imported once as forms, each copy's pages drawing them. */
    private final class Merger implements AutoCloseable {
        private final PDDocument out = new PDDocument();
        private final LayerUtility layers = new LayerUtility(out);
        private final Map<BrochureRenderer.Base, List<PDFormXObject>> forms = new IdentityHashMap<>();
        private final Map<BrochureRenderer.Base, List<PDRectangle[]>> boxes = new IdentityHashMap<>();
        private MailOverlay overlay;

        void add(Copy copy, BrochureRenderer.Base base) throws IOException {
            if (overlay == null) {
                overlay = new MailOverlay(out);
                PdfMetadata.addOutputIntent(out);
            }
            List<PDFormXObject> pages = forms.get(base);
            if (pages == null) {
                pages = new ArrayList<>();
                List<PDRectangle[]> sizes = new ArrayList<>();
                try (PDDocument source = Loader.loadPDF(base.rendition().body().pdf())) {
                    for (int i = 0; i < source.getNumberOfPages(); i++) {
                        pages.add(layers.importPageAsForm(source, i));
                        PDPage p = source.getPage(i);
                        sizes.add(new PDRectangle[] {p.getMediaBox(), p.getTrimBox(), p.getBleedBox()});
                    }
                }
                forms.put(base, pages);
                boxes.put(base, sizes);
            }
            List<PDRectangle[]> sizes = boxes.get(base);
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(sizes.get(i)[0]);
                page.setTrimBox(sizes.get(i)[1]);
                page.setBleedBox(sizes.get(i)[2]);
                out.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(out, page)) {
                    cs.drawForm(pages.get(i));
                    if (i == 0) {
                        overlay.draw(cs, sizes.get(i)[1], base.mail(), sender(), copy.recipient().address(),
                                qrLink(copy.recipient().token()), caption());
                    }
                }
            }
        }

        void save(Path file) throws IOException {
            out.getDocumentInformation().setTitle(story.title());
            out.getDocumentInformation().setAuthor(brand.name());
            out.getDocumentInformation().setProducer("Cristal");
            out.save(file.toFile());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** The story with one contact's merge fields filled, as the newsletter fills them. */
    Story merged(Map<String, String> fields) {
        Story s = story;
        Map<String, String> values = fields;
        return new Story(s.id(), MergeTags.fill(s.title(), values, v -> v), s.slug(),
                MergeTags.fill(s.summary(), values, v -> v), MergeTags.fill(s.body(), values, PersonalPrint::markdown),
                s.tags(), s.lang(), s.brand(), s.image(), s.imageAlt(),
                s.cta().map(c -> new Cta(MergeTags.fill(c.label(), values, v -> v), c.url())), s.status(), s.channels(),
                s.extra(), s.bodyLine());
    }

    // A name with a * or a [ must not turn the rest of a paragraph into emphasis or a link.
    private static String markdown(String value) {
        Matcher m = SLUG_SAFE.matcher(value);
        return m.replaceAll(r -> Matcher.quoteReplacement("\\" + r.group()));
    }

    /**
     * The contact's own link: the story's page on the brand's website (or the call to action's address),
     * tagged source brochure, medium print, campaign = the story's web address, content = their token.
     */
    public String qrLink(String token) {
        String target = Pages.canonical(brand, story)
                .or(() -> story.cta().flatMap(c -> Urls.safeLink(c.url())).filter(u -> u.startsWith("http")))
                .orElse("");
        return target.isEmpty() ? "" : Utm.of("brochure", "print", Pages.slug(story)).withContent(token).tag(target);
    }

    private String sender() {
        String address = brand.contact().address().strip().replaceAll("\\s+", " ");
        String name = brand.name().strip();
        return address.isEmpty() ? name : name + " · " + address;
    }

    private String caption() {
        return story.cta().map(c -> MergeTags.fill(c.label()).strip()).orElse("");
    }
}
