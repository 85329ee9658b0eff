package org.cristal.publish.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cristal.library.RenditionExport;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.render.Renderers;
import org.cristal.story.Channel;
import org.cristal.story.Rendition;
import org.cristal.story.RenditionBody;

/**
 * "Publishes" to a folder: the brochure PDF for the print shop and every other rendition, in the layout of
 * {@code cristal render} ({@code <folder>/<story-id>/brochure/brochure.pdf}, {@code web/index.html} …).
 * Idempotent: a file whose bytes are already there is not written again, so a retry or a second publish
 * of the same revision touches nothing.
 */
public final class ExportFolderPlugin implements ChannelPlugin {
    public static final String ID = "export-folder";
    static final String FOLDER = "folder";
    private static final String BUNDLE = PublishException.BUNDLE;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, LocalText.fromBundle(BUNDLE, "publish.export.name"), Set.of(Channel.BROCHURE,
                Channel.WEB, Channel.EMAIL, Channel.SOCIAL))
            .description(LocalText.fromBundle(BUNDLE, "publish.export.description"))
            .icon("fth-folder")
            // A file whose bytes are already there is left alone: sending again never makes a second copy.
            .keyMemory(ALWAYS_REMEMBERS);
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(SettingSpec.required(FOLDER, SettingSpec.Type.FOLDER,
                LocalText.fromBundle(BUNDLE, "publish.export.folder"),
                LocalText.fromBundle(BUNDLE, "publish.export.folder.help")));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        Path folder = Path.of(settings.require(FOLDER));
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".cristal", ".tmp");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            throw PublishException.permanent(notWritable(folder, e));
        }
        return LocalText.fromBundle(BUNDLE, "publish.export.ready", folder.toAbsolutePath().normalize());
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        Path folder = Path.of(request.settings().require(FOLDER)).toAbsolutePath().normalize();
        // One folder per web address, the name the story's pages and links already carry.
        Path dir = folder.resolve(request.story().story().webSlug());
        Renderers.All all = request.renditions();
        List<Rendition<? extends RenditionBody>> renditions = Arrays.asList(all.brochure(), all.web(), all.email(),
                all.social());
        int written = 0;
        int done = 0;
        for (Rendition<? extends RenditionBody> r : renditions) {
            context.checkCancelled();
            if (r != null) {
                for (Map.Entry<String, byte[]> f : RenditionExport.files(r).entrySet()) {
                    written += writeIfChanged(dir, f.getKey(), f.getValue()) ? 1 : 0;
                }
            }
            context.progress(++done / (double) renditions.size(), null);
        }
        return new PublishResult(dir.toString(), dir.toUri().toString(), context.clock().instant(), written);
    }

    private static boolean writeIfChanged(Path dir, String relative, byte[] bytes) throws PublishException {
        Path target = dir.resolve(relative).normalize();
        try {
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                    && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return false;
            }
            RenditionExport.writeFile(dir, relative, bytes);
            return true;
        } catch (IOException e) {
            // A full disk or a folder gone offline may pass; the outbox retries.
            if (inTheWay(e) || e instanceof AccessDeniedException) {
                // Nothing changes by waiting: the user must choose another folder or fix its rights.
                throw new PublishException(PublishException.Kind.PERMANENT, notWritable(dir, e), null, e);
            }
            throw PublishException.transientFailure(notWritable(dir, e), e);
        }
    }

    /** Why a folder cannot be written, in words (never the exception's class name). */
    private static LocalText notWritable(Path folder, Exception e) {
        if (e instanceof AccessDeniedException) {
            return LocalText.fromBundle(BUNDLE, "publish.export.notWritable.denied", folder);
        }
        if (e instanceof IOException io && inTheWay(io)) {
            return LocalText.fromBundle(BUNDLE, "publish.export.notWritable.fileInTheWay", folder);
        }
        if (e instanceof NoSuchFileException) {
            return LocalText.fromBundle(BUNDLE, "publish.export.notWritable.missing", folder);
        }
        return LocalText.fromBundle(BUNDLE, "publish.export.notWritable.other", folder);
    }

    private static boolean inTheWay(IOException e) {
        return e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || (e instanceof FileSystemException fs && fs.getReason() != null
                        && fs.getReason().toLowerCase(java.util.Locale.ROOT).contains("not a directory"));
    }
}
