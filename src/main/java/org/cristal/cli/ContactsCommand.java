package org.cristal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cristal.library.Workspace;
import org.cristal.library.WorkspaceException;
import org.cristal.library.audience.Audience;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentLedger;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ConsentRecord;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDump;
import org.cristal.library.audience.ContactExport;
import org.cristal.library.audience.ContactImport;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.ImportPlan;
import org.cristal.library.audience.ImportPreset;
import org.cristal.library.audience.ImportReport;
import org.cristal.library.audience.Purpose;
import org.cristal.library.audience.Sql;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cristal contacts import|list|export|show|consent|forget|dump|undo-import}: the audience from the command
 * line. Contacts are personal data: shown on the user's own terminal when asked for, never logged.
 */
@Command(name = "contacts", mixinStandardHelpOptions = true,
        description = "Import, list, export contacts; record consent; GDPR export and erasure.",
        subcommands = {ContactsCommand.ImportCmd.class, ContactsCommand.ListCmd.class, ContactsCommand.ExportCmd.class,
            ContactsCommand.ShowCmd.class, ContactsCommand.ConsentCmd.class, ContactsCommand.ForgetCmd.class,
            ContactsCommand.DumpCmd.class, ContactsCommand.UndoImportCmd.class})
final class ContactsCommand implements Runnable {
    /** Issues listed one by one; beyond, a count (a 100,000-row file may have thousands). */
    static final int MAX_ISSUES_SHOWN = 50;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("contacts.needCommand"));
    }

    static Contact find(Audience audience, String email) {
        return audience.contacts().find(email).orElseThrow(() -> new WorkspaceException("audience.error.noContact"));
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import contacts from a CSV file (Mailchimp, Brevo, listmonk, Mautic or plain headers).")
    static final class ImportCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--preset", paramLabel = "PRESET", defaultValue = "auto",
                description = "auto, mailchimp, brevo, listmonk, mautic or plain (default: ${DEFAULT-VALUE}).")
        String preset;
        @Option(names = "--dry-run", description = "Show what would be imported; write nothing.")
        boolean dryRun;
        @Option(names = "--consent-proof", paramLabel = "TEXT",
                description = "Everyone in the file agreed to the newsletter: how (recorded as their consent).")
        String consentProof;

        @Override
        public Integer call() {
            ImportPreset p = ImportPreset.of(preset)
                    .orElseThrow(() -> new UserError(CliText.get("contacts.import.badPreset", preset)));
            byte[] bytes = read(file);
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                ContactImport importer = new ContactImport(ws.audience());
                ImportPlan plan = importer.plan(bytes, file.getFileName().toString(), p,
                        consentProof == null ? "" : consentProof);
                if (!plan.hasEmailColumn()) {
                    throw new WorkspaceException("audience.import.error.noEmailColumn");
                }
                out.println(CliText.get("contacts.import.read", CliText.plain(plan.fileName()), plan.preset().id(),
                        plan.encoding(), separator(plan.separator())));
                plan.encodingWarning(CliText.locale()).ifPresent(w -> out.println(CliText.get("contacts.warning", w)));
                for (ImportPlan.Column c : plan.columns()) {
                    out.println(CliText.get("contacts.import.column", CliText.plain(c.header()), c.field().id()));
                }
                ImportReport report = dryRun ? plan.report() : importer.apply(plan).report();
                print(out, report);
                out.println(dryRun ? CliText.get("contacts.import.dryRun") : CliText.get("contacts.import.done"));
                return CristalCli.OK;
            });
        }

        private static String separator(char c) {
            return c == '\t' ? "tab" : String.valueOf(c);
        }

        static void print(PrintWriter out, ImportReport r) {
            List<ImportReport.Issue> issues = r.issues();
            for (int i = 0; i < Math.min(issues.size(), MAX_ISSUES_SHOWN); i++) {
                out.println("  " + issues.get(i).message(CliText.locale()));
            }
            if (issues.size() > MAX_ISSUES_SHOWN) {
                out.println(CliText.get("contacts.import.moreIssues", issues.size() - MAX_ISSUES_SHOWN));
            }
            out.println(CliText.get("contacts.import.summary", r.rows(), r.created(), r.updated(), r.unchanged(),
                    r.invalid(), r.duplicates(), r.suppressed()));
            out.println(CliText.get("contacts.import.consent", r.grants(), r.withdrawals(), r.staysUnsubscribed(),
                    r.bounced()));
        }

        private static byte[] read(Path file) {
            try {
                if (Files.isDirectory(file)) {
                    throw new UserError(CliText.get("contacts.notAFile", file));
                }
                if (Files.size(file) > ContactImport.MAX_BYTES) {
                    throw new UserError(CliText.get("contacts.tooLarge", file.getFileName()));
                }
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new UserError(CliText.get("contacts.notFound", file), e);
            } catch (IOException e) {
                throw new UserError(CliText.get("contacts.unreadable", file), e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List contacts by name, or count them.")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--count", description = "Only say how many.")
        boolean count;
        @Mixin
        SegmentOption segment;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                Sql where = segment.resolve(ws);
                int n = ws.audience().contacts().count("", where);
                if (!count) {
                    List<String[]> rows = new ArrayList<>();
                    rows.add(new String[] {CliText.get("contacts.col.email"), CliText.get("contacts.col.name"),
                        CliText.get("contacts.col.city"), CliText.get("contacts.col.tags")});
                    for (Contact c : ws.audience().contacts().search("", where, 0, Math.max(n, 1))) {
                        rows.add(new String[] {CliText.plain(c.email()), CliText.plain(c.fullName()),
                            CliText.plain(c.city()), CliText.plain(String.join(", ", c.tags()))});
                    }
                    Tables.print(out, rows);
                }
                out.println(CliText.get("contacts.count", n));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export contacts to a CSV file (UTF-8, opens in Excel, imports back).")
    static final class ExportCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "FILE")
        Path file;
        @Mixin
        SegmentOption segment;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                int n = new ContactExport(ws.audience()).write(segment.resolve(ws), file);
                out.println(CliText.get("contacts.export.done", n, file.toAbsolutePath()));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A contact's fields, consent history and the messages sent to them.")
    static final class ShowCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                Audience audience = ws.audience();
                Contact c = find(audience, email);
                ZoneId zone = ZoneId.systemDefault();
                List<String[]> rows = new ArrayList<>();
                row(rows, "contacts.show.email", c.email());
                row(rows, "contacts.show.name", c.fullName());
                row(rows, "contacts.show.lang", c.lang());
                row(rows, "contacts.show.address", String.join(", ", List.of(c.street(), c.postcode() + " " + c.city(),
                        c.country()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList()));
                row(rows, "contacts.show.phone", c.phone());
                row(rows, "contacts.show.tags", String.join(", ", c.tags()));
                c.fields().forEach((k, v) -> rows.add(new String[] {CliText.plain(k), CliText.plain(v)}));
                row(rows, "contacts.show.source", c.source());
                row(rows, "contacts.show.status", c.emailStatus());
                row(rows, "contacts.show.added", c.createdAt() == null ? "" : PublishTimes.show(c.createdAt(), zone));
                Tables.print(out, rows);
                out.println(CliText.get("contacts.show.consents"));
                for (ConsentRecord r : audience.consents().history(c.id())) {
                    ConsentEvent e = r.event();
                    out.println(CliText.get(e.granted() ? "contacts.show.granted" : "contacts.show.withdrawn",
                            PublishTimes.show(e.at(), zone), e.channel().id(), e.purpose().id(), e.method().id(),
                            CliText.plain(e.source()), CliText.plain(e.proof()), e.ip()));
                }
                out.println(CliText.get("contacts.show.messages"));
                for (Delivery d : audience.deliveries().of(c.id())) {
                    out.println(CliText.get("contacts.show.message", PublishTimes.show(d.at(), zone),
                            CliText.plain(d.storyId()), d.channel().id(), d.purpose().id(), d.outcome().id()));
                }
                return CristalCli.OK;
            });
        }

        private static void row(List<String[]> rows, String key, String value) {
            if (value != null && !value.isBlank()) {
                rows.add(new String[] {CliText.get(key), CliText.plain(value)});
            }
        }
    }

    @Command(name = "consent", mixinStandardHelpOptions = true,
            description = "Record a consent given or withdrawn, with where it came from and its proof.")
    static final class ConsentCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "EMAIL")
        String email;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;
        @Option(names = "--channel", paramLabel = "CHANNEL", defaultValue = "email",
                description = "email, postal or sms (default: ${DEFAULT-VALUE}).")
        String channel;
        @Option(names = "--purpose", paramLabel = "PURPOSE", defaultValue = "marketing",
                description = "marketing or service (default: ${DEFAULT-VALUE}).")
        String purpose;
        @Option(names = "--source", paramLabel = "TEXT", required = true,
                description = "Where it came from: \"in the shop\", \"phone call of 3 May\".")
        String source;
        @Option(names = "--proof", paramLabel = "TEXT", defaultValue = "",
                description = "What the person agreed to, or their words.")
        String proof;

        static final class Choice {
            @Option(names = "--grant", required = true, description = "The person agreed.")
            boolean grant;
            @Option(names = "--withdraw", required = true, description = "The person withdrew their consent.")
            boolean withdraw;
        }

        @Override
        public Integer call() {
            ContactChannel ch = ContactChannel.of(channel)
                    .orElseThrow(() -> new UserError(CliText.get("contacts.badChannel", channel)));
            Purpose p = Purpose.of(purpose).orElseThrow(() -> new UserError(CliText.get("contacts.badPurpose", purpose)));
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                Audience audience = ws.audience();
                Contact c = find(audience, email);
                ConsentEvent e = new ConsentEvent(ch, p, choice.grant, audience.clock().instant(), ConsentMethod.MANUAL,
                        source, "", proof);
                audience.consents().record(c.id(), e);
                ConsentLedger.State now = audience.consents().current(c.id(), ch, p);
                out.println(CliText.get(now == ConsentLedger.State.GRANTED ? "contacts.consent.granted"
                        : "contacts.consent.withdrawn", CliText.plain(c.email()), ch.id(), p.id()));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = "Erase a contact (GDPR): their data goes, a salted hash stays on the suppression list.")
    static final class ForgetCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                boolean found = ws.audience().forget(email);
                out.println(CliText.get(found ? "contacts.forget.done" : "contacts.forget.none", CliText.plain(email)));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = "Everything held about a contact (GDPR access), as JSON and CSV files in a folder.")
    static final class DumpCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "EMAIL")
        String email;
        @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write to.")
        Path dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                List<Path> files = new ContactDump(ws.audience()).write(email, dir);
                files.forEach(f -> out.println(f.toAbsolutePath()));
                out.println(CliText.get("contacts.dump.done", files.size(), dir.toAbsolutePath()));
                return CristalCli.OK;
            });
        }
    }

    @Command(name = "undo-import", mixinStandardHelpOptions = true,
            description = "Undo the last contacts import: contacts it added removed, those it changed restored.")
    static final class UndoImportCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return WorkspaceCommand.with(workspace, ws -> {
                Optional<ContactImport.Undone> undone = new ContactImport(ws.audience()).undoLast();
                ContactImport.Undone u = undone.orElseThrow(() -> new WorkspaceException("audience.import.error.noBatch"));
                out.println(CliText.get("contacts.undo.done", CliText.plain(u.fileName()), u.removed(), u.restored()));
                return CristalCli.OK;
            });
        }
    }
}
