package org.cristal.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cristal.library.AutosavedDraft;
import org.cristal.library.DiffLine;
import org.cristal.library.ExportResult;
import org.cristal.library.Exporter;
import org.cristal.library.ImportResult;
import org.cristal.library.Importer;
import org.cristal.library.RevisionInfo;
import org.cristal.library.SaveResult;
import org.cristal.library.SearchHit;
import org.cristal.library.SearchQuery;
import org.cristal.library.StoryFilter;
import org.cristal.library.StorySummary;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.story.Status;
import org.cristal.story.StoryFormatException;
import org.cristal.story.StoryParser;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cristal workspace import|search|list|export|history}: the workspace file from the command line. */
@Command(name = "workspace", mixinStandardHelpOptions = true,
        description = "Import, search, export a workspace (.cristal file) and browse story history.",
        subcommands = {WorkspaceCommand.ImportCmd.class, WorkspaceCommand.SearchCmd.class,
            WorkspaceCommand.ListCmd.class, WorkspaceCommand.ExportCmd.class, WorkspaceCommand.HistoryCmd.class})
final class WorkspaceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("workspace.needCommand"));
    }

    /** Runs {@code body} on the opened workspace, turning library errors into one clear line. */
    static int with(WorkspaceOption option, WorkspaceBody body) {
        try (Workspace ws = option.open()) {
            return body.run(ws);
        } catch (WorkspaceException e) {
            throw new UserError(e.localizedMessage(CliText.locale()), e);
        } catch (StoryFormatException e) {
            throw new UserError(e.localizedMessage(CliText.locale()), e);
        }
    }

    /**
     * One line per story; a story with typing autosaved after its last revision shows the title as typed
     * and a line saying so (the search itself matches the last revision's words).
     */
    static void printSummary(PrintWriter out, StorySummary s, AutosavedDraft draft) {
        String title = s.title();
        if (draft != null) {
            try {
                title = StoryParser.parse(s.id(), draft.source()).title();
            } catch (StoryFormatException e) {
                // The library hands out only drafts that read as stories; keep the revision's title anyway.
            }
        }
        out.println(CliText.get("workspace.search.hit", CliText.plain(s.id()), CliText.plain(title), s.status().id(),
                s.lang().isEmpty() ? "-" : s.lang()));
        if (draft != null) {
            out.println(CliText.get("workspace.draftNote", when(draft), draft.revision()));
        }
    }

    static String when(AutosavedDraft draft) {
        return PublishTimes.show(draft.savedAt(), ZoneId.systemDefault());
    }

    interface WorkspaceBody {
        int run(Workspace ws) throws StoryFormatException;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a folder of .md stories with their images (and brands/ if present).")
    static final class ImportCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "DIR")
        Path folder;

        @Override
        public Integer call() {
            if (!Files.isDirectory(folder)) {
                throw new UserError(CliText.get("workspace.notAFolder", folder));
            }
            PrintWriter out = spec.commandLine().getOut();
            return with(workspace, ws -> {
                ImportResult r = new Importer(ws, CliText.locale()).importFolder(folder);
                for (ImportResult.Skipped s : r.skipped()) {
                    out.println(CliText.get("workspace.import.skipped", CliText.plain(s.file()), CliText.plain(s.reason())));
                }
                out.println(CliText.get("workspace.import.done", r.stories().size(), r.brands().size(),
                        r.assets().size(), r.skipped().size(), ws.path()));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Full-text search (accent- and case-insensitive), best matches first.")
    static final class SearchCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Mixin
        Filters filters;
        @Parameters(paramLabel = "QUERY", arity = "1..*")
        List<String> words;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return with(workspace, ws -> {
                SearchQuery q = SearchQuery.of(String.join(" ", words)).withFilter(filters.filter())
                        .withMarkers("[", "]").withLimit(filters.limit);
                List<SearchHit> hits = ws.search().find(q);
                Map<String, AutosavedDraft> drafts = ws.stories().newerDrafts();
                for (SearchHit h : hits) {
                    printSummary(out, h.story(), drafts.get(h.story().id()));
                    if (!h.snippet().isBlank()) {
                        out.println("    " + CliText.plain(h.snippet()));
                    }
                }
                out.println(CliText.get("workspace.search.count", hits.size()));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stories, newest first.")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Mixin
        Filters filters;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return with(workspace, ws -> {
                List<StorySummary> list = ws.stories().list(filters.filter().withLimit(filters.limit, 0));
                Map<String, AutosavedDraft> drafts = ws.stories().newerDrafts();
                for (StorySummary s : list) {
                    printSummary(out, s, drafts.get(s.id()));
                }
                out.println(CliText.get("workspace.list.count", list.size()));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export stories (.md), brands (.yaml) and images to a folder.")
    static final class ExportCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "DIR")
        Path folder;
        @Option(names = "--story", paramLabel = "STORY-ID", description = "Export only this story.")
        String storyId;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return with(workspace, ws -> {
                if (storyId != null && !ws.stories().exists(storyId)) {
                    throw new UserError(CliText.get("workspace.noStory", storyId));
                }
                Exporter exporter = new Exporter(ws, CliText.locale());
                ExportResult r = storyId == null ? exporter.exportAll(folder) : exporter.exportStory(storyId, folder);
                r.skipped().forEach(s -> out.println(CliText.get("workspace.export.skipped", s)));
                for (AutosavedDraft d : r.drafts()) {
                    out.println(CliText.get("workspace.export.draft", CliText.plain(d.storyId()), when(d), d.revision()));
                }
                out.println(CliText.get("workspace.export.done", r.files().size(), folder.toAbsolutePath()));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "List a story's revisions, show a diff between two, or restore one.")
    static final class HistoryCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "STORY-ID")
        String storyId;
        @ArgGroup(exclusive = true)
        Action action;

        static final class Action {
            @Option(names = "--diff", arity = "2", paramLabel = "REV", description = "Show the changes from A to B.")
            int[] diff;
            @Option(names = "--restore", paramLabel = "REV",
                    description = "Make revision N the current text (as a new revision; nothing is lost).")
            Integer restore;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return with(workspace, ws -> {
                if (!ws.stories().exists(storyId)) {
                    throw new UserError(CliText.get("workspace.noStory", storyId));
                }
                List<RevisionInfo> revisions = ws.stories().history(storyId);
                if (action != null && action.diff != null) {
                    for (int n : action.diff) {
                        requireRevision(revisions, n);
                    }
                    for (DiffLine d : ws.stories().diff(storyId, action.diff[0], action.diff[1])) {
                        String mark = switch (d.kind()) {
                            case ADDED -> "+ ";
                            case REMOVED -> "- ";
                            default -> "  ";
                        };
                        out.println(mark + CliText.plain(d.text()));
                    }
                    return CristalCli.OK;
                }
                if (action != null && action.restore != null) {
                    requireRevision(revisions, action.restore);
                    SaveResult r = ws.stories().restore(storyId, action.restore);
                    out.println(CliText.get("workspace.history.restored", storyId, action.restore, r.revision()));
                    return CristalCli.OK;
                }
                DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(CliText.locale()).withZone(ZoneId.systemDefault());
                for (RevisionInfo r : revisions) {
                    out.println(CliText.get("workspace.history.line", r.number(), when.format(r.savedAt()),
                            r.size(), CliText.plain(r.title())));
                }
                ws.stories().newerDraft(storyId).ifPresent(d -> out.println(CliText.get("workspace.history.draft",
                        when.format(d.savedAt()), d.source().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                        CliText.plain(title(d)), d.revision())));
                return CristalCli.OK;
            });
        }

        private static String title(AutosavedDraft d) {
            try {
                return StoryParser.parse(d.storyId(), d.source()).title();
            } catch (StoryFormatException e) {
                return "";
            }
        }

        private void requireRevision(List<RevisionInfo> revisions, int n) {
            if (revisions.stream().noneMatch(r -> r.number() == n)) {
                throw new UserError(CliText.get("workspace.noRevision", storyId, n));
            }
        }
    }

    /** Filters shared by search and list. */
    static final class Filters {
        @Option(names = "--status", paramLabel = "STATUS", description = "draft, review, approved, published, archived")
        String status;
        @Option(names = "--tag", paramLabel = "TAG")
        String tag;
        @Option(names = "--brand", paramLabel = "BRAND-ID")
        String brand;
        @Option(names = "--lang", paramLabel = "LANG")
        String lang;
        @Option(names = "--limit", defaultValue = "20", paramLabel = "N")
        int limit;

        StoryFilter filter() {
            StoryFilter f = StoryFilter.ALL;
            if (status != null) {
                f = f.withStatus(Status.fromId(status).orElseThrow(
                        () -> new UserError(CliText.get("workspace.badStatus", status))));
            }
            if (tag != null) {
                f = f.withTag(tag);
            }
            if (brand != null) {
                f = f.withBrand(brand);
            }
            if (lang != null) {
                f = f.withLang(lang);
            }
            return f;
        }
    }
}
