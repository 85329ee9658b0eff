package org.cristal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cristal.library.Workspace;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.oauth.Browser;
import org.cristal.publish.oauth.Connection;
import org.cristal.publish.oauth.Connector;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.PublishException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cristal channels connect|disconnect}: the Connect button of an account, from a terminal. */
final class ChannelsConnect {
    private ChannelsConnect() {
    }

    @Command(name = "connect", mixinStandardHelpOptions = true,
            description = "Connect an account in the web browser (the service's consent page); waits up to 5 minutes.")
    static final class ConnectCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "ACCOUNT-ID")
        String account;
        @Option(names = "--target", paramLabel = "ID",
                description = "Where to post when the access reaches several places (a Page, a location).")
        String target;
        @Option(names = "--no-browser", description = "Only print the address to open in a browser of this computer.")
        boolean noBrowser;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return PublishCommand.run(workspace, ws -> connect(out, ws));
        }

        private int connect(PrintWriter out, Workspace ws) {
            if (ws.channelAccounts().get(account).isEmpty()) {
                throw new UserError(CliText.get("channels.connect.noAccount", CliText.plain(account)));
            }
            Browser browser = uri -> {
                out.println(CliText.get("channels.connect.open", uri));
                out.println(CliText.get("channels.connect.waiting", Connection.WAIT.toMinutes()));
                if (!noBrowser) {
                    open(uri);
                }
            };
            Connector connector = new Connector(ws, CliPublishing.plugins(ws), CliPublishing.secrets(),
                    Clock.systemUTC(), browser, CliText.locale());
            java.util.concurrent.atomic.AtomicReference<List<Connected.Target>> offered = new java.util.concurrent.atomic.AtomicReference<>();
            try {
                Connector.Result r = connector.connect(account, (who, targets) -> {
                    offered.set(targets);
                    return targets.stream().filter(t -> t.id().equals(target)).findFirst();
                });
                out.println(CliText.get("channels.connect.done", CliText.plain(r.who().get(CliText.locale()))));
                r.target().ifPresent(t -> out.println(CliText.get("channels.connect.place", CliText.plain(t.name()),
                        CliText.plain(t.id()))));
                return CristalCli.OK;
            } catch (PublishException e) {
                if (offered.get() != null && e.kind() == PublishException.Kind.CANCELLED) {
                    // Several places and none named: the user runs it again with --target.
                    out.println(CliText.get(target == null ? "channels.connect.chooseTarget"
                            : "channels.connect.noSuchTarget", CliText.plain(String.valueOf(target))));
                    for (Connected.Target t : offered.get()) {
                        out.println("  " + CliText.plain(t.id()) + "  " + CliText.plain(t.name()));
                    }
                    return CristalCli.BAD_INPUT;
                }
                out.println(CliText.get("channels.connect.failed", CliText.plain(e.message(CliText.locale()))));
                return CristalCli.FAILED;
            }
        }

        /** The system browser where there is one; the address printed above is enough otherwise. */
        private static void open(URI uri) {
            try {
                if (java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                    java.awt.Desktop.getDesktop().browse(uri);
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // No browser here: the user opens the printed address.
            }
        }
    }

    @Command(name = "disconnect", mixinStandardHelpOptions = true,
            description = "Forget an account's access; its scheduled posts wait until it is connected again.")
    static final class DisconnectCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "ACCOUNT-ID")
        String account;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return PublishCommand.run(workspace, ws -> {
                if (ws.channelAccounts().get(account).isEmpty()) {
                    throw new UserError(CliText.get("channels.connect.noAccount", CliText.plain(account)));
                }
                try {
                    Connector.forget(CliPublishing.secrets(), account);
                } catch (SecretStoreException e) {
                    throw new UserError(CliPublishing.explain(e), e);
                }
                out.println(CliText.get("channels.disconnected", CliText.plain(account)));
                return CristalCli.OK;
            });
        }
    }
}
