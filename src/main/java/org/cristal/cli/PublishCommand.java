package org.cristal.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cristal.library.AutosavedDraft;
import org.cristal.library.ChannelAccount;
import org.cristal.library.OutboxEntry;
import org.cristal.library.OutboxState;
import org.cristal.library.SaveResult;
import org.cristal.library.Workspace;
import org.cristal.library.abtest.AbTestWords;
import org.cristal.library.abtest.AbTests;
import org.cristal.library.abtest.Plan;
import org.cristal.library.abtest.Planner;
import org.cristal.publish.ChecklistItem;
import org.cristal.publish.Outcome;
import org.cristal.publish.Progress;
import org.cristal.publish.Publisher;
import org.cristal.publish.PublisherException;
import org.cristal.publish.Queued;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.story.Network;
import org.cristal.story.StoryFormatException;
import org.cristal.story.Variants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cristal publish STORY-ID --channel ACCOUNT [--at TIME] [--dry-run] [--segment NAME] [--abtest ELEMENT]} and {@code cristal publish due}
 * (for cron or the Task Scheduler). Exit codes: 0 done or scheduled, 1 a publication failed, 2 bad input
 * or blocked by the checklist.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish a story to a channel account now or at a time; 'publish due' sends what is due.",
        subcommands = {PublishCommand.Due.class})
final class PublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Parameters(index = "0", arity = "0..1", paramLabel = "STORY-ID")
    String storyId;
    @Option(names = {"-c", "--channel"}, paramLabel = "ACCOUNT-ID", description = "The channel account (see 'channels list').")
    String account;
    @Option(names = "--at", paramLabel = "TIME",
            description = "When: 2026-12-01T09:00 (this computer's time zone), 2026-12-01T09:00+01:00 or "
                    + "2026-12-01T09:00+01:00[Europe/Paris]. Default: now.")
    String at;
    @Option(names = "--dry-run", description = "Show the checklist and what would be sent; contact nothing.")
    boolean dryRun;
    @Option(names = "--segment", paramLabel = "NAME",
            description = "For a newsletter: send to this segment of your contacts. Default: every contact with consent.")
    String segment = "";
    @Option(names = "--abtest", paramLabel = "ELEMENT",
            description = "For a newsletter: send as an A/B test of the story's variants of ELEMENT (subject, title, "
                    + "cta or lead): the segment is split at random, each contact gets one variant.")
    String abtest;
    @Option(names = "--abtest-outcome", paramLabel = "clicks|conversions",
            description = "What the A/B test counts as a success, from your analytics import. Default: clicks.")
    String abtestOutcome = AbTests.CLICKS;
    @Option(names = "--baseline", paramLabel = "RATE",
            description = "The A/B test's plan, as 'cristal abtest plan' was given it: the usual rate (0.20 for 20 %).")
    Double baseline;
    @Option(names = "--mde", paramLabel = "DIFFERENCE", description = "The plan's smallest difference worth detecting.")
    Double mde;
    @Option(names = "--relative", description = "The plan's --mde is relative to the baseline (0.25 for +25 %).")
    boolean relative;
    @Option(names = "--alpha", paramLabel = "LEVEL", description = "The plan's significance level. Default: 0.05.")
    Double alpha;
    @Option(names = "--power", paramLabel = "POWER", description = "The plan's power. Default: 0.8.")
    Double power;
    @Option(names = "--planned-per-arm", paramLabel = "N",
            description = "Contacts per variant the plan asked for (what 'cristal abtest plan' said).")
    Integer plannedPerArm;

    @Override
    public Integer call() {
        if (storyId == null || account == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("publish.needStory"));
        }
        PrintWriter out = spec.commandLine().getOut();
        ZoneId system = ZoneId.systemDefault();
        PublishTimes.When when = at == null ? new PublishTimes.When(Instant.now(), system) : PublishTimes.parse(at, system);
        return run(workspace, ws -> {
            Publisher publisher = CliPublishing.publisher(ws);
            ChannelAccount acc = ws.channelAccounts().get(account)
                    .orElseThrow(() -> new UserError(CliText.get("publish.noAccount", account)));
            // A segment that does not exist is one clear line, before anything else is said or saved.
            publisher.checkSegment(acc.id(), segment);
            Variants.Element element = abtest == null ? null : Variants.Element.fromId(abtest).orElseThrow(
                    () -> new UserError(CliText.get("publish.abtest.element", CliText.plain(abtest))));
            if (element != null && !List.of(AbTests.CLICKS, AbTests.CONVERSIONS).contains(abtestOutcome)) {
                throw new UserError(CliText.get("publish.abtest.outcome", CliText.plain(abtestOutcome)));
            }
            AbTests.Plan plan = plan(element != null);
            publishTheLatestTyping(ws, out);
            ChecklistItem item = publisher.checklist(storyId, segment).stream().filter(i -> i.account().id().equals(acc.id()))
                    .findFirst().orElse(null);
            if (item != null) {
                printChecklist(out, item);
            }
            if (element != null) {
                plan = sized(out, plan, item == null || item.reach() == null ? -1 : item.reach().reaches());
            }
            boolean blocked = item != null && item.status() == ChecklistItem.Status.BLOCKED;
            if (dryRun) {
                if (!blocked) {
                    printWhatWouldGo(out, publisher, acc, when);
                }
                return blocked ? CristalCli.FAILED : CristalCli.OK;
            }
            if (blocked) {
                throw new UserError(CliText.get("publish.blocked", CliText.plain(acc.name())));
            }
            Queued queued = element == null ? publisher.enqueue(storyId, acc.id(), segment, when.instant(), when.zone())
                    : publisher.enqueueAbTest(storyId, acc.id(), segment, when.instant(), when.zone(), element,
                            abtestOutcome, plan);
            if (queued.note() != null) {
                // Kept or replaced an earlier unfinished publication: say so before what happens to it.
                out.println(CliText.plain(queued.note().get(CliText.locale())));
            }
            OutboxEntry entry = queued.entry();
            if (entry.state() == OutboxState.SENT) {
                out.println(CliText.get("publish.alreadySent", entry.id(), PublishTimes.show(entry.publishedAt(), entry.zone()),
                        CliText.plain(entry.url())));
                return CristalCli.OK;
            }
            if (entry.scheduledAt().isAfter(Instant.now())) {
                out.println(CliText.get("publish.scheduled", entry.id(), CliText.plain(acc.name()),
                        PublishTimes.show(entry.scheduledAt(), entry.zone())));
                return CristalCli.OK;
            }
            Outcome o = publisher.send(entry.id(), (id, fraction, message) -> { }, () -> false);
            return report(out, o);
        });
    }

    /** The test's plan as the user gave it; the defaults where they gave nothing (sized later, see sized()). */
    private AbTests.Plan plan(boolean test) {
        boolean given = baseline != null || mde != null || relative || alpha != null || power != null
                || plannedPerArm != null;
        if (!test) {
            if (given) {
                throw new UserError(CliText.get("publish.abtest.planWithoutTest"));
            }
            return AbTests.Plan.NONE;
        }
        AbTests.Plan none = AbTests.Plan.NONE;
        double b = rate("--baseline", baseline, none.baseline());
        double d = mde == null ? none.mde() : relative ? positive(mde) : rate("--mde", mde, 0);
        double a = rate("--alpha", alpha, none.alpha());
        double p = rate("--power", power, none.power());
        if (plannedPerArm != null && plannedPerArm < 0) {
            throw new UserError(CliText.get("publish.abtest.perArm", plannedPerArm));
        }
        return new AbTests.Plan(b, d, relative, a, p, plannedPerArm == null ? 0 : plannedPerArm);
    }

    /**
     * With a baseline and an effect, the contacts each variant needs (unless given with --planned-per-arm),
     * and what this send's own size allows, said before anything is queued: a test that cannot reach its
     * size is sent only if the user still wants it, but never without being told.
     */
    private AbTests.Plan sized(PrintWriter out, AbTests.Plan plan, int reaches) {
        if (baseline == null || mde == null) {
            return plan;
        }
        Plan sized = AbtestCommand.checked(() -> Planner.plan(plan.baseline(), plan.mde(), plan.relative(),
                plan.alpha(), plan.power(), reaches));
        AbTestWords.lines(sized, CliText.locale()).forEach(out::println);
        int perArm = plannedPerArm != null ? plannedPerArm : (int) Math.min(Integer.MAX_VALUE, sized.neededPerArm());
        return new AbTests.Plan(plan.baseline(), plan.mde(), plan.relative(), plan.alpha(), plan.power(), perArm);
    }

    /** A rate strictly between 0 and 1 (a baseline of 0 or 1 leaves nothing to compare). */
    private static double rate(String option, Double value, double otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (!(value > 0 && value < 1)) {
            throw new UserError(CliText.get("publish.abtest.rate", option, value));
        }
        return value;
    }

    private static double positive(double relativeMde) {
        if (!(relativeMde > 0) || Double.isInfinite(relativeMde)) {
            throw new UserError(CliText.get("publish.abtest.rate", "--mde", relativeMde));
        }
        return relativeMde;
    }

    /**
     * What is published is what the user last saw: typing the studio autosaved after the last revision
     * becomes a revision first (the studio saves before publishing too), since the outbox sends revisions.
     */
    private void publishTheLatestTyping(Workspace ws, PrintWriter out) throws StoryFormatException {
        AutosavedDraft draft = ws.stories().newerDraft(storyId).orElse(null);
        if (draft == null) {
            return;
        }
        String when = WorkspaceCommand.when(draft);
        if (dryRun) {
            out.println(CliText.get("publish.draftDryRun", when, draft.revision()));
            return;
        }
        SaveResult saved = ws.stories().save(storyId, draft.source(), "autosaved draft, saved to publish");
        out.println(CliText.get("publish.draftSaved", saved.revision(), when));
    }

    private void printWhatWouldGo(PrintWriter out, Publisher publisher, ChannelAccount acc, PublishTimes.When when) {
        PublishRequest r;
        try {
            r = publisher.preview(storyId, acc.id(), when.instant(), when.zone());
        } catch (PublishException e) {
            out.println("  - " + CliText.plain(e.message(CliText.locale())));
            return;
        }
        out.println(CliText.get("publish.dryRun.what", CliText.plain(storyId), r.revision(), CliText.plain(acc.name()),
                acc.plugin(), PublishTimes.show(when.instant(), when.zone())));
        ChannelPlugin plugin = publisher.plugins().find(acc.plugin()).orElseThrow();
        var all = r.renditions();
        for (var channel : plugin.renditions().stream().sorted().toList()) {
            switch (channel) {
                case WEB -> out.println(CliText.get("publish.dryRun.web", CliText.plain(all.web().body().entry().url()),
                        all.web().body().html().length()));
                case EMAIL -> out.println(CliText.get("publish.dryRun.email", CliText.plain(all.email().body().subject())));
                case SOCIAL -> {
                    for (Network n : plugin.network().map(List::of).orElse(List.of(Network.values()))) {
                        out.println(CliText.get("publish.dryRun.social", n.id(), all.social().body().thread(n).size()));
                    }
                }
                case BROCHURE -> out.println(CliText.get("publish.dryRun.brochure", all.brochure().body().pages(),
                        all.brochure().body().pdf().length));
                default -> { }
            }
        }
        out.println(CliText.get("publish.dryRun.nothingSent"));
    }

    static void printChecklist(PrintWriter out, ChecklistItem item) {
        Locale locale = CliText.locale();
        String key = switch (item.status()) {
            case READY -> "publish.checklist.ready";
            case WARNED -> "publish.checklist.warned";
            case BLOCKED -> "publish.checklist.blocked";
        };
        out.println(CliText.get(key, CliText.plain(item.account().name()), item.account().plugin()));
        if (item.reach() != null) {
            out.println("  " + CliText.plain(item.reach().text().get(locale)));
        }
        for (LocalText reason : item.reasons()) {
            out.println("  - " + CliText.plain(reason.get(locale)));
        }
    }

    /** What the entry went to: its target (an account name, a newsletter's segment), else the account. */
    private static String where(OutboxEntry e) {
        return CliText.plain(e.target() == null || e.target().isBlank() ? e.account() : e.target());
    }

    static int report(PrintWriter out, Outcome o) {
        Locale locale = CliText.locale();
        OutboxEntry e = o.entry();
        String why = o.message() == null ? "" : CliText.plain(o.message().get(locale));
        if (o.sent()) {
            out.println(CliText.get("publish.sent", e.id(), where(e),
                    e.url().isEmpty() ? "-" : CliText.plain(e.url())));
            if (!why.isEmpty()) {
                // It went, but something about it needs saying (the workspace could not record it).
                out.println("  " + why);
            }
            return CristalCli.OK;
        }
        if (e.state() == OutboxState.SENDING) {
            // Interrupted or unreadable, not failed for good: it is looked at again at the next run.
            out.println(CliText.get("publish.unsettled", e.id(), where(e), why));
            return CristalCli.OK;
        }
        if (e.state() == OutboxState.RETRYING) {
            out.println(CliText.get("publish.willRetry", e.id(), where(e),
                    PublishTimes.show(e.nextAttemptAt(), e.zone()), why));
            return CristalCli.OK;
        }
        out.println(CliText.get("publish.failed", e.id(), where(e), why));
        return CristalCli.FAILED;
    }

    /** Runs {@code body} on the workspace, turning publishing refusals into one clear line. */
    static int run(WorkspaceOption option, WorkspaceCommand.WorkspaceBody body) {
        try {
            return WorkspaceCommand.with(option, body);
        } catch (PublisherException e) {
            throw new UserError(e.text().get(CliText.locale()), e);
        }
    }

    @Command(name = "due", mixinStandardHelpOptions = true,
            description = "Recover interrupted publications and send every one that is due (run it from cron).")
    static final class Due implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return run(workspace, ws -> {
                List<Outcome> outcomes = CliPublishing.publisher(ws).sendDue(Progress.NONE, () -> false);
                int sent = 0;
                int retrying = 0;
                int failed = 0;
                for (Outcome o : outcomes) {
                    report(out, o);
                    if (o.sent()) {
                        sent++;
                    } else if (o.entry().state() == OutboxState.FAILED) {
                        failed++;
                    } else {
                        retrying++;
                    }
                }
                out.println(CliText.get("publish.due.summary", sent, retrying, failed));
                return failed > 0 ? CristalCli.FAILED : CristalCli.OK;
            });
        }
    }
}
