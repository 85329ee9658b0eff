package org.cristal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cristal.check.Checks;
import org.cristal.check.Spelling;
import org.cristal.library.RenditionExport;
import org.cristal.library.FileAssets;
import org.cristal.render.PaperSize;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.BrandParser;
import org.cristal.story.BrochurePdf;
import org.cristal.story.EmailMessage;
import org.cristal.story.SocialPosts;
import org.cristal.story.WebPage;
import org.cristal.story.Channel;
import org.cristal.story.Finding;
import org.cristal.story.Rendition;
import org.cristal.story.RenditionBody;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;
import org.cristal.story.Slugs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cristal render STORY.md --channel all --out DIR}: every channel's rendition as files, and the findings. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a story (Markdown + front matter) for one channel or all of them.")
final class RenderCommand implements Callable<Integer> {
    private static final String FORCE = "-force";
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORY.md", description = "The story file.")
    Path storyFile;

    @Option(names = {"-c", "--channel"}, defaultValue = "all", paramLabel = "CHANNEL",
            description = "web, email, social, brochure or all (default: ${DEFAULT-VALUE}).")
    String channel;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--brand", paramLabel = "BRAND.yaml",
            description = "Brand kit; default: the story's brand id in a brands/ folder next to the story's folder.")
    Path brandFile;

    @Option(names = "--paper", defaultValue = "a4",
            description = "Brochure paper: a4, a5 (flyer), letter, half-letter, tri-fold (A4 landscape folded in three) or "
                    + "letter-tri-fold; brands in the US or Canada get Letter sizes unless the name ends in -force "
                    + "(a4-force).")
    String paper;

    @Option(names = "--print-ready", description = "Brochure for a print shop: 3 mm bleed, trim box, crop marks.")
    boolean printReady;

    @Option(names = "--allow-remote-images", description = "Let outputs load images from the network.")
    boolean allowRemoteImages;

    @Option(names = "--unsubscribe-url", paramLabel = "URL", description = "Newsletter unsubscribe link.")
    String unsubscribeUrl;

    @Option(names = "--date", paramLabel = "INSTANT",
            description = "Date of the rendering, e.g. 2026-11-23T09:00:00Z (default: now), for reproducible output.")
    String date;

    // Off by default: loading LanguageTool adds seconds and a few hundred megabytes to a run that is
    // otherwise well under a second, and scripts and CI want renditions, not proofreading.
    @Option(names = "--spelling",
            description = "Also check spelling and grammar (French, English; LanguageTool, offline). Adds a few seconds.")
    boolean spelling;

    @Option(names = {"-v", "--verbose"}, description = "Show details of errors.")
    boolean verbose;

    @Option(names = {"-w", "--workspace"}, paramLabel = "PATH", description = "Workspace holding the persona the "
            + "story's persona: names (default: $CRISTAL_WORKSPACE, else the default workspace, when it exists).")
    String workspace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Channel> channels = channels();
        StoryDocument doc = readStory(storyFile);
        Brand brand = brand(doc, out);
        RenderOptions base = RenderOptions.at(instant());
        RenderOptions options = (forced() ? base.withExactPaper(paper()) : base.withPaper(paper()))
                .withAssets(Assets.forStory(storyFile))
                .withPrintReady(printReady)
                .withRemoteImages(allowRemoteImages)
                .withUnsubscribeUrl(unsubscribeUrl == null ? "" : unsubscribeUrl);
        List<Finding> findings = new ArrayList<>(doc.findings());
        // The dictionaries load while the channels render.
        java.util.concurrent.CompletableFuture<List<Finding>> spelt = spelling
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> Spelling.shared().check(doc, brand))
                : java.util.concurrent.CompletableFuture.completedFuture(List.of());
        int files = 0;
        List<Rendition<? extends RenditionBody>> renditions = Renderers.render(channels, doc, brand, options);
        for (Rendition<? extends RenditionBody> r : renditions) {
            findings.addAll(r.findings());
            try {
                files += RenditionExport.write(this.out, r).size();
            } catch (IOException e) {
                throw new UserError(CliText.get("render.cannotWrite", this.out, Errors.reason(e)), e);
            }
        }
        var persona = CliPersonas.rules(doc, workspace, out);
        findings.addAll(persona.isPresent() ? Checks.run(doc, brand, all(renditions), persona.get())
                : Checks.run(doc, brand, all(renditions)));
        findings.addAll(spelt.join());
        FindingsPrinter.print(out, storyFile.getFileName().toString(), findings);
        out.println(CliText.get("render.done", files, this.out.toAbsolutePath().normalize()));
        return CristalCli.OK;
    }

    /** The renditions made, by channel; the channels not rendered are null (the checks compare what exists). */
    @SuppressWarnings("unchecked")
    private static Renderers.All all(List<Rendition<? extends RenditionBody>> renditions) {
        java.util.Map<Channel, Rendition<?>> by = new java.util.EnumMap<>(Channel.class);
        renditions.forEach(r -> by.put(r.channel(), r));
        return new Renderers.All((Rendition<WebPage>) by.get(Channel.WEB), (Rendition<EmailMessage>) by.get(Channel.EMAIL),
                (Rendition<SocialPosts>) by.get(Channel.SOCIAL), (Rendition<BrochurePdf>) by.get(Channel.BROCHURE));
    }

    private List<Channel> channels() {
        if (channel.equalsIgnoreCase("all")) {
            return List.of(Channel.values());
        }
        return List.of(Channel.fromId(channel.strip()).orElseThrow(
                () -> new UserError(CliText.get("render.badChannel", channel))));
    }

    private PaperSize paper() {
        String name = forced() ? paper.strip().substring(0, paper.strip().length() - FORCE.length()) : paper;
        return PaperSize.parse(name).orElseThrow(() -> new UserError(CliText.get("render.badPaper", paper)));
    }

    /** "a4-force": the paper exactly, even for a brand in North America. */
    private boolean forced() {
        return paper.strip().toLowerCase(Locale.ROOT).endsWith(FORCE);
    }

    private Instant instant() {
        if (date == null) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(date);
        } catch (DateTimeParseException e) {
            throw new UserError(CliText.get("render.badDate", date), e);
        }
    }

    static StoryDocument readStory(Path file) {
        byte[] bytes = Errors.read(file);
        String id = file.getFileName().toString().replaceFirst("(?i)\\.(md|markdown)$", "");
        try {
            return StoryDocument.of(StoryParser.parse(id, bytes));
        } catch (StoryFormatException e) {
            throw new UserError(file.getFileName() + ": " + e.localizedMessage(CliText.locale()), e);
        }
    }

    private Brand brand(StoryDocument doc, PrintWriter out) {
        Path file = brandFile;
        if (file == null) {
            String id = doc.story().brand();
            if (id.isBlank()) {
                return Brand.DEFAULT;
            }
            // The id comes from the story: it names a kit in brands/, never a path ("../../etc/x").
            if (!id.equals(Slugs.slug(id))) {
                out.println(CliText.get("render.brandNotFound", CliText.plain(id)));
                return Brand.DEFAULT;
            }
            Path folder = storyFile.toAbsolutePath().getParent();
            Path candidate = folder.resolveSibling("brands").resolve(id + ".yaml");
            if (!Files.isRegularFile(candidate)) {
                candidate = folder.resolve("brands").resolve(id + ".yaml");
            }
            if (!Files.isRegularFile(candidate)) {
                out.println(CliText.get("render.brandNotFound", CliText.plain(id)));
                return Brand.DEFAULT;
            }
            file = candidate;
        }
        byte[] bytes = Errors.read(file);
        try {
            return BrandParser.parse(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""), bytes);
        } catch (StoryFormatException e) {
            throw new UserError(file.getFileName() + ": " + e.localizedMessage(CliText.locale()), e);
        }
    }

    /** Where a story's images may come from: its folder, and nothing outside the folder above it. */
    static final class Assets {
        private Assets() {
        }

        static FileAssets forStory(Path storyFile) {
            Path folder = storyFile.toAbsolutePath().normalize().getParent();
            Path root = folder.getParent() == null ? folder : folder.getParent();
            return new FileAssets(folder, root);
        }
    }

    /** Reading files with user-facing errors. */
    static final class Errors {
        private Errors() {
        }

        static byte[] read(Path file) {
            try {
                if (Files.isDirectory(file)) {
                    throw new UserError(CliText.get("file.isFolder", file));
                }
                if (Files.size(file) > 20L * 1024 * 1024) {
                    throw new UserError(CliText.get("file.tooBig", file));
                }
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new UserError(CliText.get("file.notFound", file), e);
            } catch (IOException e) {
                throw new UserError(CliText.get("file.unreadable", file, reason(e)), e);
            }
        }

        static String reason(IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
