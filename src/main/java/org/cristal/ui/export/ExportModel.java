package org.cristal.ui.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.cristal.library.ExportResult;
import org.cristal.library.Exporter;
import org.cristal.library.ImportResult;
import org.cristal.library.Importer;
import org.cristal.library.RenditionExport;
import org.cristal.library.Workspace;
import org.cristal.render.RenderOptions;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Channel;
import org.cristal.story.EmailMessage;
import org.cristal.story.Rendition;
import org.cristal.story.RenditionBody;
import org.cristal.story.Slugs;
import org.cristal.story.StoryDocument;
import org.cristal.ui.editor.EditorModel;
import org.cristal.ui.model.Workers;
import org.cristal.ui.preview.PreviewModel;

/**
 * Exports of the open story (brochure PDF, email, web page, all four) and of the workspace, as
 * jobs with progress that can be cancelled. Renders afresh from the text in the editor, so an
 * export always holds the last keystroke. Fully offline: remote images are never fetched.
 */
public final class ExportModel {
    public enum Kind { BROCHURE, EMAIL_EML, EMAIL_HTML, WEB, ALL, WORKSPACE, IMPORT }

    /** One export under way: progress from 0 to 1, a line saying what it does, and the outcome. */
    public static final class Job {
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CompletableFuture<List<Path>> result = new CompletableFuture<>();
        private final Kind kind;
        private final Path target;

        Job(Kind kind, Path target) {
            this.kind = kind;
            this.target = target;
        }

        public Kind kind() {
            return kind;
        }

        public Path target() {
            return target;
        }

        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        /** Completes on the UI thread with the files written; fails with CancellationException if cancelled. */
        public CompletableFuture<List<Path>> result() {
            return result;
        }

        public void cancel() {
            cancelled.set(true);
        }

        boolean isCancelled() {
            return cancelled.get();
        }
    }

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final EditorModel editor;
    private final PreviewModel preview;
    private final ResourceBundle text;
    private final Locale locale;

    public ExportModel(Workers workers, Supplier<Workspace> workspace, EditorModel editor, PreviewModel preview,
            ResourceBundle text, Locale locale) {
        this.preview = preview;
        this.workers = workers;
        this.workspace = workspace;
        this.editor = editor;
        this.text = text;
        this.locale = locale;
    }

    /** A file name the save dialog can propose: the story's web address with the kind's extension. */
    public String suggestedName(Kind kind) {
        String slug = editor.form().getSlug().strip();
        String id = Slugs.isValid(slug) ? slug : editor.storyId().isEmpty() ? "story" : editor.storyId();
        return switch (kind) {
            case BROCHURE -> id + ".pdf";
            case EMAIL_EML -> id + ".eml";
            case EMAIL_HTML -> id + ".html";
            case WEB, ALL -> id;
            case WORKSPACE, IMPORT -> "";
        };
    }

    /** Starts an export to {@code target}: a file for the brochure and email, a folder otherwise. */
    public Job start(Kind kind, Path target) {
        Job job = new Job(kind, target);
        Workspace ws = workspace.get();
        String id = editor.storyId();
        // Exported as previewed: same paper, same print-ready choice.
        RenderOptions options = ws == null ? null : preview.options(Instant.now(), ws);
        String source = editor.sourceProperty().get();
        // Whole-workspace jobs go through the workspace thread; a story export only renders.
        java.util.concurrent.Executor executor = kind == Kind.WORKSPACE || kind == Kind.IMPORT ? workers.io()
                : workers.render();
        workers.on(executor, "an export or import", () -> switch (kind) {
            case WORKSPACE -> exportWorkspace(job, ws, target);
            case IMPORT -> importFolder(job, ws, target);
            default -> exportStory(job, ws, id, source, target, options);
        }).whenComplete((files, t) -> {
            if (t != null) {
                job.result.completeExceptionally(t);
            } else {
                job.progress.set(1);
                job.result.complete(files);
            }
        });
        return job;
    }

    private List<Path> exportStory(Job job, Workspace ws, String id, String source, Path target,
            RenderOptions options) throws Exception {
        step(job, 0.05, "export.rendering");
        StoryDocument doc = StoryDocument.parse(id, source);
        Brand brand = ws.brands().get(doc.story().brand()).orElse(Brand.DEFAULT);
        List<Channel> channels = switch (job.kind) {
            case BROCHURE -> List.of(Channel.BROCHURE);
            case EMAIL_EML, EMAIL_HTML -> List.of(Channel.EMAIL);
            case WEB -> List.of(Channel.WEB);
            default -> List.of(Channel.values());
        };
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channels.get(i);
            String key = switch (channel) {
                case WEB -> "export.channel.web";
                case EMAIL -> "export.channel.email";
                case SOCIAL -> "export.channel.social";
                case BROCHURE -> "export.channel.brochure";
            };
            step(job, 0.1 + 0.85 * i / channels.size(), key);
            Rendition<? extends RenditionBody> r = Renderers.of(channel).render(doc, brand, options);
            checkCancelled(job);
            if (job.kind == Kind.BROCHURE) {
                written.add(RenditionExport.writeFile(target, ((BrochurePdf) r.body()).pdf()));
            } else if (job.kind == Kind.EMAIL_EML) {
                written.add(RenditionExport.writeFile(target, ((EmailMessage) r.body()).eml()));
            } else if (job.kind == Kind.EMAIL_HTML) {
                written.add(RenditionExport.writeFile(target,
                        ((EmailMessage) r.body()).html().getBytes(StandardCharsets.UTF_8)));
            } else {
                written.addAll(RenditionExport.write(target, r));
            }
        }
        return written;
    }

    private List<Path> exportWorkspace(Job job, Workspace ws, Path folder) {
        step(job, -1, "export.workspace");
        ExportResult r = new Exporter(ws, locale).exportAll(folder);
        return r.files();
    }

    private List<Path> importFolder(Job job, Workspace ws, Path folder) {
        step(job, -1, "export.importing");
        ImportResult r = new Importer(ws, locale).importFolder(folder);
        List<Path> out = new ArrayList<>();
        r.stories().forEach(s -> out.add(Path.of(s)));
        return out;
    }

    /** The import's own summary is richer; this is the line a notification shows. */
    public String doneMessage(Job job, List<Path> files) {
        String key = switch (job.kind) {
            case IMPORT -> "export.done.import";
            case WORKSPACE -> "export.done.workspace";
            default -> "export.done.story";
        };
        return new MessageFormat(text.getString(key), locale).format(new Object[] {files.size(),
            job.target.toString()});
    }

    private void step(Job job, double progress, String key) {
        checkCancelled(job);
        String line = text.getString(key);
        workers.fx().execute(() -> {
            job.progress.set(progress);
            job.message.set(line);
        });
    }

    private static void checkCancelled(Job job) {
        if (job.isCancelled()) {
            throw new CancellationException();
        }
    }
}
