package org.cristal.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.SegmentException;
import org.cristal.library.persona.Persona;
import org.cristal.library.persona.Personas;
import org.cristal.story.Channel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cristal personas list|show NAME|save NAME …|delete NAME}: whom the workspace's stories are written
 * for (docs/one-to-one.md, "Personas"). Bad input is one localized line and exit code 2.
 */
@Command(name = "personas", mixinStandardHelpOptions = true, description = "Show and edit the workspace's personas.",
        subcommands = {PersonasCommand.ListCmd.class, PersonasCommand.Show.class, PersonasCommand.Save.class,
            PersonasCommand.Delete.class})
final class PersonasCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("personas.needCommand"));
    }

    /** The persona of that name, or one line naming the personas there are. */
    static Persona find(Workspace ws, String name) {
        return ws.personas().find(name).orElseThrow(() -> {
            String known = ws.personas().list().stream().map(Persona::name).map(CliText::plain)
                    .collect(Collectors.joining(", "));
            String n = CliText.plain(name == null ? "" : name.strip());
            return new UserError(known.isEmpty() ? CliText.get("personas.unknownNone", n)
                    : CliText.get("personas.unknown", n, known));
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the personas with how many contacts each finds now.")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                List<Persona> all = ws.personas().list();
                if (all.isEmpty()) {
                    out.println(CliText.get("personas.none"));
                }
                for (Persona p : all) {
                    out.println(line(ws.personas(), p));
                }
                return CristalCli.OK;
            });
        }

        private static String line(Personas personas, Persona p) {
            String name = CliText.plain(p.name());
            if (p.segment().isBlank()) {
                return CliText.get("personas.lineNoSegment", name);
            }
            try {
                return CliText.get("personas.line", name, personas.count(p));
            } catch (SegmentException e) {
                return CliText.get("personas.lineUnreadable", name);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a persona: portrait, rules and typical contact.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                Persona p = find(ws, name);
                out.println(CliText.plain(p.name()));
                field(out, "personas.show.portrait", p.portrait());
                field(out, "personas.show.goals", String.join("; ", p.goals()));
                field(out, "personas.show.objections", String.join("; ", p.objections()));
                field(out, "personas.show.tone", p.tone());
                field(out, "personas.show.wordsUse", String.join(", ", p.wordsUse()));
                field(out, "personas.show.wordsAvoid", String.join(", ", p.wordsAvoid()));
                field(out, "personas.show.channels", String.join(", ", p.channels()));
                field(out, "personas.show.channelsAvoid", String.join(", ", p.channelsAvoid()));
                field(out, "personas.show.readingTarget", p.readingTarget() == 0 ? "" : String.valueOf(p.readingTarget()));
                field(out, "personas.show.segment", p.segment());
                if (!p.segment().isBlank()) {
                    try {
                        out.println(CliText.get("personas.show.contacts", ws.personas().count(p)));
                        ws.personas().typicalContact(p).ifPresent(c -> out.println(c.city().isBlank()
                                ? CliText.get("personas.show.typicalNoCity", CliText.plain(who(c)))
                                : CliText.get("personas.show.typical", CliText.plain(who(c)), CliText.plain(c.city()))));
                    } catch (SegmentException e) {
                        out.println(CliText.get("personas.show.unreadable", e.localizedMessage(CliText.locale())));
                    }
                }
                return CristalCli.OK;
            });
        }

        private static void field(PrintWriter out, String label, String value) {
            if (!value.isBlank()) {
                out.println(CliText.get("personas.show.field", CliText.get(label), CliText.plain(value)));
            }
        }

        private static String who(Contact c) {
            return c.fullName().isEmpty() ? c.email() : c.fullName();
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Save a persona: a new one, or change the options given of the one of that name.")
    static final class Save implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--portrait", paramLabel = "TEXT", description = "Who they are, in a few lines.")
        String portrait;
        @Option(names = "--goal", paramLabel = "TEXT", description = "What they want (repeat for each).")
        List<String> goals;
        @Option(names = "--objection", paramLabel = "TEXT", description = "What holds them back (repeat for each).")
        List<String> objections;
        @Option(names = "--tone", paramLabel = "TEXT", description = "The tone that suits them.")
        String tone;
        @Option(names = "--use", paramLabel = "WORD,…", description = "Words that speak to them, separated by commas.")
        String use;
        @Option(names = "--avoid", paramLabel = "WORD,…", description = "Words that put them off: a story for them that uses one gets a finding.")
        String avoid;
        @Option(names = "--channels", paramLabel = "CHANNEL,…", description = "Channels they use: email, social, web, brochure.")
        String channels;
        @Option(names = "--avoid-channels", paramLabel = "CHANNEL,…", description = "Channels they do not use.")
        String avoidChannels;
        @Option(names = "--reading-target", paramLabel = "N", description = "Lowest reading-ease score they read comfortably (0 to 100; 0 for none).")
        Integer readingTarget;
        @Option(names = "--segment", paramLabel = "RULE", description = "A segment rule finding their contacts (docs/audience.md).")
        String segment;

        @Override
        public Integer call() {
            if (readingTarget != null && (readingTarget < 0 || readingTarget > 100)) {
                throw new UserError(CliText.get("personas.badTarget", readingTarget));
            }
            List<String> ch = channels == null ? null : channelIds(channels);
            List<String> chAvoid = avoidChannels == null ? null : channelIds(avoidChannels);
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                Persona old = ws.personas().find(name).orElse(Personas.named(name));
                Persona p = ws.personas().save(new Persona(old.id(), old.id() == 0 ? name : old.name(),
                        or(portrait, old.portrait()), or(goals, old.goals()), or(objections, old.objections()),
                        or(tone, old.tone()), use == null ? old.wordsUse() : words(use),
                        avoid == null ? old.wordsAvoid() : words(avoid), or(ch, old.channels()),
                        or(chAvoid, old.channelsAvoid()), readingTarget == null ? old.readingTarget() : readingTarget,
                        or(segment, old.segment()), old.createdAt(), old.updatedAt()));
                out.println(CliText.get(old.id() == 0 ? "personas.created" : "personas.saved", CliText.plain(p.name())));
                return CristalCli.OK;
            });
        }

        private static <T> T or(T given, T old) {
            return given == null ? old : given;
        }

        private static List<String> words(String list) {
            return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private static List<String> channelIds(String list) {
            List<String> ids = words(list);
            for (String id : ids) {
                if (Channel.fromId(id).isEmpty()) {
                    throw new UserError(CliText.get("personas.badChannel", CliText.plain(id)));
                }
            }
            return ids;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a persona (stories written for them keep their persona: line).")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                Persona p = find(ws, name);
                ws.personas().delete(p.name());
                out.println(CliText.get("personas.deleted", CliText.plain(p.name())));
                return CristalCli.OK;
            });
        }
    }
}
