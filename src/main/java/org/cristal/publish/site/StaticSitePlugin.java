package org.cristal.publish.site;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Channel;
import org.cristal.story.Story;
import org.cristal.story.WebPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Publishes stories into a folder that any static host serves as a website: {@code <slug>.html} per story
 * with its images under {@code images/}, an {@code index.html} listing the stories newest first, a
 * {@code sitemap.xml}, an RSS {@code feed.xml} and an Atom {@code atom.xml}. The list of stories lives in
 * {@code .cristal-site.json} in the folder. Publishing is incremental and idempotent: only files whose
 * bytes change are rewritten, each through a temporary file moved into place. See docs/channels/web.md.
 */
public final class StaticSitePlugin implements ChannelPlugin {
    public static final String FOLDER = "folder";
    public static final String TITLE = "title";
    public static final String BASE_URL = "baseUrl";
    private static final String B = PublishException.BUNDLE;
    private static final Pattern IMAGE_NAME = Pattern.compile("images/([A-Za-z0-9._-]+)");
    /** One publish at a time per folder in this process; the file lock keeps other processes out. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("static-site", LocalText.fromBundle(B, "publish.site.name"), Set.of(Channel.WEB))
            .description(LocalText.fromBundle(B, "publish.site.description"))
            .icon("fth-folder")
            // A page is written under the story's own name, so writing it again replaces it, never doubles it.
            .keyMemory(ALWAYS_REMEMBERS);
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(FOLDER, SettingSpec.Type.FOLDER, LocalText.fromBundle(B, "publish.site.folder"),
                        LocalText.fromBundle(B, "publish.site.folder.help")),
                SettingSpec.optional(TITLE, SettingSpec.Type.TEXT, "", LocalText.fromBundle(B, "publish.site.title"),
                        LocalText.fromBundle(B, "publish.site.title.help")),
                SettingSpec.optional(BASE_URL, SettingSpec.Type.URL, "",
                        LocalText.fromBundle(B, "publish.site.baseUrl"),
                        LocalText.fromBundle(B, "publish.site.baseUrl.help")));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        Path root = folder(settings);
        try {
            SiteFiles files = new SiteFiles(root);
            Path probe = Files.createTempFile(files.root(), ".cristal-", ".tmp");
            Files.delete(probe);
            int stories = SiteManifest.read(files.root()).stories().size();
            return LocalText.fromBundle(B, "publish.site.connected", files.root().toString(), stories);
        } catch (IOException e) {
            throw failure(e, root.toString());
        }
    }

    @Override
    public Optional<PublishResult> lookup(PublishRequest request, PublishContext context) throws PublishException {
        Path root = folder(request.settings());
        try {
            Optional<SiteManifest.Entry> entry = SiteManifest.read(root).find(storyId(request));
            WebPage page = request.renditions().web().body();
            // On the site only if this very rendition is: an older version there means this one is not.
            if (entry.isEmpty() || !Files.isRegularFile(root.resolve(entry.get().slug() + ".html"))
                    || !entry.get().slug().equals(slug(request, page))
                    || !entry.get().hash().equals(sha256(page.html().getBytes(StandardCharsets.UTF_8)))) {
                return Optional.empty();
            }
            return Optional.of(result(request.settings(), root, entry.get(), 0));
        } catch (IOException e) {
            throw failure(e, root.toString());
        }
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        Path root = folder(request.settings()).toAbsolutePath().normalize();
        context.checkCancelled();
        synchronized (LOCKS.computeIfAbsent(root, r -> new Object())) {
            try {
                SiteFiles files = new SiteFiles(root);
                try (FileChannel lockFile = FileChannel.open(root.resolve(".cristal-site.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = lockFile.lock()) {
                    return publishLocked(request, context, files);
                }
            } catch (IOException e) {
                throw failure(e, root.toString());
            }
        }
    }

    private PublishResult publishLocked(PublishRequest request, PublishContext context, SiteFiles files)
            throws IOException, PublishException {
        WebPage page = request.renditions().web().body();
        Story story = request.story().story();
        String id = storyId(request);
        String slug = slug(request, page);
        SiteManifest manifest = SiteManifest.read(files.root());
        Optional<SiteManifest.Entry> previous = manifest.find(id);
        // Two stories at one address would overwrite each other's page, and "index" the site's index.
        Optional<SiteManifest.Entry> holder = manifest.stories().stream()
                .filter(e -> e.slug().equals(slug) && !e.id().equals(id)).findFirst();
        if (slug.equals("index") || holder.isPresent()) {
            throw PublishException.permanent(LocalText.fromBundle(B, "publish.site.slugTaken", slug,
                    holder.map(SiteManifest.Entry::title).orElse("index.html")));
        }

        // Images: shared by name when the bytes are the same (a brand's logo), renamed with the slug when
        // another story already has a different image of that name on the site.
        String html = page.html();
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : new TreeMap<>(page.files()).entrySet()) {
            String path = f.getKey();
            byte[] onDisk = files.read(path);
            if (onDisk != null && !Arrays.equals(onDisk, f.getValue()) && manifest.usedByOther(id, path)) {
                Matcher m = IMAGE_NAME.matcher(path);
                String renamed = m.matches() ? "images/" + slug + "-" + m.group(1) : path;
                html = html.replaceAll("(?<=[\"/])" + Pattern.quote(path) + "(?=\")",
                        Matcher.quoteReplacement(renamed));
                path = renamed;
            }
            images.put(path, f.getValue());
        }
        byte[] pageBytes = html.getBytes(StandardCharsets.UTF_8);
        String hash = sha256(page.html().getBytes(StandardCharsets.UTF_8));

        int total = images.size() + 6;
        int done = 0;
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            context.checkCancelled();
            files.write(image.getKey(), image.getValue());
            context.progress(++done / (double) total, LocalText.fromBundle(B, "publish.site.writing", image.getKey()));
        }
        context.checkCancelled();
        files.write(slug + ".html", pageBytes);
        context.progress(++done / (double) total, LocalText.fromBundle(B, "publish.site.writing", slug + ".html"));

        String now = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.ofInstant(context.clock().instant(), context.clock().getZone())
                        .truncatedTo(ChronoUnit.SECONDS));
        String published = previous.map(SiteManifest.Entry::published).orElse(now);
        String updated = previous.filter(p -> p.hash().equals(hash) && p.slug().equals(slug))
                .map(SiteManifest.Entry::updated).orElse(now);
        List<String> tags = story.tags().stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        // Title and summary as the page shows them: merge tags already read as their fallback.
        Document shown = Jsoup.parse(html);
        Element h1 = shown.selectFirst("article h1");
        Element lede = shown.selectFirst("article p.lede");
        SiteManifest.Entry entry = new SiteManifest.Entry(id, slug, h1 != null ? h1.text() : oneLine(story.title()),
                lede != null ? lede.text() : oneLine(story.summary()), story.lang().strip(),
                        oneLine(request.brand().name()), page.entry().url(),
                tags, published, updated, hash, List.copyOf(images.keySet()));
        SiteManifest next = manifest.with(entry);
        // The manifest goes first: if a crash follows, the next publish still knows what is on the site.
        files.write(SiteManifest.FILE, next.bytes());

        // What this story no longer uses goes, unless another story uses it: its old page if its slug
        // changed (the story is then listed under its new address only), images it dropped.
        if (previous.isPresent()) {
            List<String> gone = new ArrayList<>(previous.get().images());
            gone.removeAll(images.keySet());
            if (!previous.get().slug().equals(slug)) {
                gone.add(previous.get().slug() + ".html");
            }
            for (String path : gone) {
                if (!next.usedByOther(id, path)) {
                    files.delete(path);
                }
            }
        }

        List<SiteManifest.Entry> stories = next.newestFirst();
        // The site speaks the language of its newest story, as its index (built from that page) does.
        SiteFeeds.Site site = new SiteFeeds.Site(siteTitle(request), baseUrl(request.settings()),
                stories.get(0).lang());
        String template = template(files, stories, html);
        context.checkCancelled();
        files.write("index.html", SiteIndex.html(template, site.title(), stories).getBytes(StandardCharsets.UTF_8));
        context.progress(++done / (double) total, LocalText.fromBundle(B, "publish.site.writing", "index.html"));
        files.write("sitemap.xml", SiteFeeds.sitemap(site, stories));
        files.write("feed.xml", SiteFeeds.rss(site, stories));
        files.write("atom.xml", SiteFeeds.atom(site, stories));
        context.progress(1, LocalText.fromBundle(B, "publish.site.done", files.written()));
        return result(request.settings(), files.root(), entry, files.written());
    }

    /** The newest story's page on disk gives the index its look; this story's page when there is none. */
    private static String template(SiteFiles files, List<SiteManifest.Entry> stories, String fallback)
            throws IOException {
        for (SiteManifest.Entry e : stories) {
            byte[] page = files.read(e.slug() + ".html");
            if (page != null) {
                return new String(page, StandardCharsets.UTF_8);
            }
        }
        return fallback;
    }

    private PublishResult result(ChannelSettings settings, Path root, SiteManifest.Entry entry, int written) {
        String base = baseUrl(settings);
        String url = base.isEmpty() ? root.resolve(entry.slug() + ".html").toUri().toString()
                : base + "/" + entry.slug();
        return new PublishResult(entry.slug(), url, OffsetDateTime.parse(entry.updated()).toInstant(), written);
    }

    private static String storyId(PublishRequest request) {
        String id = request.story().story().id().strip();
        return id.isEmpty() ? slug(request, request.renditions().web().body()) : id;
    }

    private static String slug(PublishRequest request, WebPage page) {
        String slug = page.entry().slug();
        return slug.isEmpty() ? request.story().story().webSlug() : slug;
    }

    private static String siteTitle(PublishRequest request) {
        return request.settings().get(TITLE).map(StaticSitePlugin::oneLine)
                .orElseGet(() -> {
                    String brand = oneLine(request.brand().name());
                    return brand.isEmpty() ? "Cristal" : brand;
                });
    }

    private static String baseUrl(ChannelSettings settings) {
        String base = settings.get(BASE_URL, "");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    private static Path folder(ChannelSettings settings) throws PublishException {
        try {
            return Path.of(settings.require(FOLDER));
        } catch (InvalidPathException e) {
            throw PublishException.permanent(LocalText.fromBundle(B, "publish.site.badFolder", e.getInput()));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** Access refused or a file where a folder should be: the user must act. Anything else may pass. */
    private static PublishException failure(IOException e, String where) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getClass().getSimpleName();
        if (e instanceof AccessDeniedException || e instanceof FileAlreadyExistsException
                || e instanceof NotDirectoryException
                || (e.getMessage() != null && e.getMessage().startsWith("outside the site folder"))) {
            return PublishException.permanent(LocalText.fromBundle(B, "publish.site.writeRefused", where, reason));
        }
        if (e instanceof com.fasterxml.jackson.core.JacksonException) {
            return PublishException.permanent(LocalText.fromBundle(B, "publish.site.badManifest",
                    Path.of(where).resolve(SiteManifest.FILE).toString()));
        }
        return PublishException.transientFailure(LocalText.fromBundle(B, "publish.site.writeFailed", where,
                e.getMessage() == null ? reason : e.getMessage()), e);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
