package org.cristal.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.library.results.FetchState;
import org.cristal.publish.ResultsFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cristal results fetch [--story ID] [--now]}: reads back the counts each service reports about what
 * was published, and the newsletters' own figures, then prints what came back, what waits and why. Without
 * {@code --now} it keeps the pace the studio keeps (fit for cron); a service's wait is honoured either way.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Read back the counts of what was published (reactions, recipients), as each service reports them.")
final class ResultsFetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--story", paramLabel = "ID", description = "Only this story's publications.")
    String story;
    @Option(names = "--now", description = "Read them again now, not at the usual pace (a service's wait still holds).")
    boolean now;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return PublishCommand.run(workspace, ws -> fetch(out, ws));
    }

    private int fetch(PrintWriter out, Workspace ws) {
        if (story != null && ws.stories().get(story).isEmpty()) {
            throw new UserError(CliText.get("workspace.noStory", CliText.plain(story)));
        }
        ResultsFetcher fetcher = new ResultsFetcher(ws, CliPublishing.plugins(ws), CliPublishing.secrets(),
                Clock.systemUTC(), CliText.locale());
        ResultsFetcher.Round round = fetcher.fetch(story, now, ResultsFetcher.Progress.NONE, () -> false);
        if (round.lines().isEmpty()) {
            out.println(CliText.get("results.fetch.nothing"));
            return CristalCli.OK;
        }
        ZoneId zone = ZoneId.systemDefault();
        for (ResultsFetcher.Line l : round.lines()) {
            String where = ws.channelAccounts().get(l.entry().account()).map(ChannelAccount::name)
                    .orElse(l.entry().account());
            Object[] head = {l.entry().id(), CliText.plain(l.entry().storyId()), CliText.plain(where)};
            String message = CliText.plain(l.message());
            out.println(switch (l.status()) {
                case OK -> CliText.get("results.fetch.ok", head[0], head[1], head[2], counts(l.counts()));
                case WAITING -> CliText.get("results.fetch.waiting", head[0], head[1], head[2],
                        PublishTimes.show(l.nextAt(), zone), message);
                case UNAVAILABLE -> CliText.get("results.fetch.unavailable", head[0], head[1], head[2], message);
                case FAILED -> CliText.get("results.fetch.failed", head[0], head[1], head[2],
                        PublishTimes.show(l.nextAt(), zone), message);
            });
        }
        long failed = round.count(FetchState.Status.FAILED);
        out.println(CliText.get("results.fetch.summary", round.count(FetchState.Status.OK),
                round.count(FetchState.Status.WAITING), round.count(FetchState.Status.UNAVAILABLE), failed));
        return failed > 0 ? CristalCli.FAILED : CristalCli.OK;
    }

    /** "favourites: 3, boosts: 2, replies: 1" in the user's language, in the order the service gave them. */
    private static String counts(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((metric, value) -> parts.add(CliText.get("results.fetch.count", metric(metric), value)));
        return String.join(", ", parts);
    }

    static String metric(String name) {
        String key = switch (name) {
            case "favourites" -> "results.metric.favourites";
            case "boosts" -> "results.metric.boosts";
            case "replies" -> "results.metric.replies";
            case "likes" -> "results.metric.likes";
            case "reposts" -> "results.metric.reposts";
            case "quotes" -> "results.metric.quotes";
            case "comments" -> "results.metric.comments";
            case "recipients" -> "results.metric.recipients";
            case "opens" -> "results.metric.opens";
            case "impressions" -> "results.metric.impressions";
            case "refused" -> "results.metric.refused";
            case "bounced" -> "results.metric.bounced";
            case "unsubscribed" -> "results.metric.unsubscribed";
            default -> null;
        };
        // A third-party plugin's own metric is shown by its name.
        return key == null ? CliText.plain(name) : CliText.get(key);
    }
}
