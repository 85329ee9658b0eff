package org.cristal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cristal.library.Workspace;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.audience.Mailbox;
import org.cristal.publish.audience.SyncException;
import org.cristal.publish.audience.SyncReport;
import org.cristal.publish.audience.UnsubscribeSync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cristal unsubscribes sync|mailbox}: reads unsubscribes, bounces, complaints and confirmations back
 * from the brand's mailbox, a provider's file and the one-click receiver's records (docs/unsubscribes.md).
 */
@Command(name = "unsubscribes", mixinStandardHelpOptions = true,
        description = "Read unsubscribes, bounces and confirmations back into the audience.",
        subcommands = {UnsubscribesCommand.Sync.class, UnsubscribesCommand.MailboxCmd.class})
final class UnsubscribesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("unsubscribes.needCommand"));
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "Read the unsubscribe mailbox (every one set, or --account's), and/or a file of "
                    + "unsubscribes (--csv) and the one-click receiver's records (--records), and apply them.")
    static final class Sync implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--account", paramLabel = "ACCOUNT", description = "Read only this account's mailbox.")
        String account;
        @Option(names = "--csv", paramLabel = "FILE",
                description = "A file of unsubscribes (Mailchimp, Brevo, or a plain e-mail list).")
        Path csv;
        @Option(names = "--records", paramLabel = "FILE|URL", description = "The one-click receiver's records.")
        String records;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return PublishCommand.run(workspace, ws -> sync(out, ws));
        }

        private int sync(PrintWriter out, Workspace ws) {
            UnsubscribeSync sync = new UnsubscribeSync(ws, CliPublishing.secrets());
            List<String> accounts = new ArrayList<>();
            if (account != null) {
                accounts.add(account);
            } else if (csv == null && records == null) {
                accounts.addAll(sync.accounts());
                if (accounts.isEmpty()) {
                    throw new UserError(CliText.get("unsubscribes.nothing"));
                }
            }
            SyncReport total = new SyncReport();
            int sources = 0;
            try {
                for (String a : accounts) {
                    print(out, "unsubscribes.fromMailbox", CliText.plain(a), sync.mailbox(a), total);
                    sources++;
                }
                if (csv != null) {
                    print(out, "unsubscribes.fromCsv", CliText.plain(String.valueOf(csv.getFileName())), sync.csv(csv),
                            total);
                    sources++;
                }
                if (records != null) {
                    print(out, "unsubscribes.fromRecords", CliText.plain(UnsubscribeSync.shown(records)),
                            sync.records(records), total);
                    sources++;
                }
            } catch (SyncException e) {
                if (e.partial().changed() > 0) {
                    out.println(CliText.get("unsubscribes.applied", e.partial().summary().get(CliText.locale())));
                }
                if (e.retryable()) {
                    spec.commandLine().getErr().println(CliText.get("cli.errorPrefix")
                            + CliText.plain(e.text().get(CliText.locale())));
                    return CristalCli.FAILED;
                }
                throw new UserError(e.text().get(CliText.locale()), e);
            }
            if (sources > 1) {
                out.println(CliText.get("unsubscribes.total", total.summary().get(CliText.locale())));
            }
            return CristalCli.OK;
        }

        private static void print(PrintWriter out, String key, String from, SyncReport r, SyncReport total) {
            out.println(CliText.get(key, from, r.summary().get(CliText.locale())));
            total.addAll(r);
        }
    }

    @Command(name = "mailbox", mixinStandardHelpOptions = true,
            description = "Set the IMAP mailbox that receives the unsubscribe address and the bounces of an account. "
                    + "The password is never taken from the command line: --password-env VARIABLE reads a variable, "
                    + "--password-stdin one line of standard input.")
    static final class MailboxCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--account", required = true, paramLabel = "ACCOUNT",
                description = "The newsletter account whose mail it answers (or any name).")
        String account;
        @Option(names = "--host", required = true, paramLabel = "HOST")
        String host;
        @Option(names = "--port", paramLabel = "PORT", description = "Default: 993 for tls, 143 otherwise.")
        int port;
        @Option(names = "--security", paramLabel = "tls|starttls|none", defaultValue = "tls")
        String security;
        @Option(names = "--user", required = true, paramLabel = "USER")
        String user;
        @Option(names = "--folder", paramLabel = "FOLDER", defaultValue = "INBOX")
        String folder;
        @Option(names = "--processed", paramLabel = "seen|move", defaultValue = "seen",
                description = "Mark applied messages as read, or move them to Cristal/processed.")
        String processed;
        @Option(names = "--password-env", paramLabel = "VARIABLE")
        String passwordEnv;
        @Option(names = "--password-stdin", description = "Read the password from one line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Mailbox.Processed p = Mailbox.Processed.of(processed)
                    .orElseThrow(() -> new UserError(CliText.get("unsubscribes.badProcessed", processed)));
            String password = password();
            return PublishCommand.run(workspace, ws -> {
                UnsubscribeSync sync = new UnsubscribeSync(ws, CliPublishing.secrets());
                Mailbox box = new Mailbox(account, host, port, security, user, folder, p);
                try {
                    sync.mailboxes().save(box, password);
                } catch (SyncException e) {
                    throw new UserError(e.text().get(CliText.locale()), e);
                } catch (SecretStoreException e) {
                    throw new UserError(CliPublishing.explain(e), e);
                }
                out.println(CliText.get("unsubscribes.mailboxSaved", CliText.plain(account), CliText.plain(box.host()),
                        Integer.toString(box.port()), box.security(), CliText.plain(box.folder()),
                        CliText.get(p == Mailbox.Processed.MOVE ? "unsubscribes.processedMove" : "unsubscribes.processedSeen")));
                return CristalCli.OK;
            });
        }

        private String password() {
            if (passwordEnv != null) {
                String value = CliPublishing.env.get(passwordEnv);
                if (value == null || value.isBlank()) {
                    throw new UserError(CliText.get("channels.noVariable", passwordEnv));
                }
                return value.strip();
            }
            if (passwordStdin) {
                try {
                    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    if (line == null || line.isBlank()) {
                        throw new UserError(CliText.get("channels.noSecretOnInput", "password"));
                    }
                    return line.strip();
                } catch (IOException e) {
                    throw new UserError(CliText.get("channels.noSecretOnInput", "password"), e);
                }
            }
            return null;
        }
    }
}
