package org.cristal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cristal.library.ChannelAccount;
import org.cristal.publish.Accounts;
import org.cristal.publish.PluginSource;
import org.cristal.publish.SecretStore;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.SettingProblem;
import org.cristal.publish.spi.SettingSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cristal channels list|test|add|connect|disconnect}: the plugins and the accounts configured in a workspace. */
@Command(name = "channels", mixinStandardHelpOptions = true, description = "Channel plugins and accounts.",
        subcommands = {ChannelsCommand.ListCmd.class, ChannelsCommand.TestCmd.class, ChannelsCommand.AddCmd.class,
                ChannelsConnect.ConnectCmd.class, ChannelsConnect.DisconnectCmd.class})
final class ChannelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), CliText.get("channels.needCommand"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the plugins, then the accounts with what is wrong with their settings.")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Locale locale = CliText.locale();
            return PublishCommand.run(workspace, ws -> {
                PluginSource plugins = CliPublishing.plugins(ws);
                out.println(CliText.get("channels.plugins"));
                for (ChannelPlugin p : plugins.plugins()) {
                    out.println("  " + p.id() + "  " + CliText.plain(p.displayName().get(locale)) + " \u2014 "
                            + CliText.plain(p.description().get(locale)));
                }
                out.println(CliText.get("channels.accounts"));
                List<ChannelAccount> accounts = ws.channelAccounts().list();
                if (accounts.isEmpty()) {
                    out.println("  " + CliText.get("channels.none"));
                }
                for (ChannelAccount a : accounts) {
                    out.println(CliText.get("channels.account", CliText.plain(a.id()), CliText.plain(a.name()), a.plugin(),
                            CliText.get(a.enabled() ? "channels.enabled" : "channels.disabled")));
                    for (String problem : problems(plugins, a)) {
                        out.println("    - " + CliText.plain(problem));
                    }
                }
                return CristalCli.OK;
            });
        }

        private static List<String> problems(PluginSource plugins, ChannelAccount a) {
            Optional<ChannelPlugin> plugin = plugins.find(a.plugin());
            if (plugin.isEmpty()) {
                return List.of(CliText.get("channels.pluginMissing", a.plugin()));
            }
            Map<String, String> values = new LinkedHashMap<>(a.settings());
            SecretStore secrets = CliPublishing.secrets();
            List<String> out = new ArrayList<>();
            for (SettingSpec spec : plugin.get().settings()) {
                if (spec.secret()) {
                    try {
                        secrets.get(a.id(), spec.key()).ifPresent(v -> values.put(spec.key(), v));
                    } catch (SecretStoreException e) {
                        out.add(CliPublishing.explain(e));
                    }
                }
            }
            for (SettingProblem p : plugin.get().validate(ChannelSettings.of(values))) {
                out.add((p.key().isEmpty() ? "" : p.key() + ": ") + p.message().get(CliText.locale()));
            }
            Optional<org.cristal.publish.spi.OAuthConnect> oauth = plugin.get().oauth();
            try {
                if (out.isEmpty() && oauth.isPresent() && !oauth.get().worksWithoutConnect(ChannelSettings.of(values))
                        && secrets.get(a.id(), org.cristal.publish.oauth.Grants.ACCESS).isEmpty()) {
                    out.add(CliText.get("channels.notConnected", a.id()));
                }
            } catch (SecretStoreException e) {
                out.add(CliPublishing.explain(e));
            }
            return out;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Contact the account's service with its settings; publishes nothing.")
    static final class TestCmd implements Callable<Integer> {
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
                try {
                    out.println(CliText.plain(CliPublishing.publisher(ws).testConnection(account).get(CliText.locale())));
                    return CristalCli.OK;
                } catch (PublishException e) {
                    out.println(CliText.get("channels.testFailed", CliText.plain(e.message(CliText.locale()))));
                    return CristalCli.FAILED;
                }
            });
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Configure an account of a plugin. Secrets are never taken from the command line: "
                    + "--secret KEY reads one line from standard input, --secret-env KEY=VARIABLE reads a variable.")
    static final class AddCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(paramLabel = "PLUGIN")
        String pluginId;
        @Option(names = "--id", paramLabel = "ACCOUNT-ID", description = "Default: the plugin's id, made unique.")
        String id;
        @Option(names = "--name", paramLabel = "NAME", description = "What you call it.")
        String name;
        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting (not a secret).")
        Map<String, String> settings = new LinkedHashMap<>();
        @Option(names = "--secret", paramLabel = "KEY", description = "Read this secret from standard input.")
        List<String> stdinSecrets = new ArrayList<>();
        @Option(names = "--secret-env", paramLabel = "KEY=VARIABLE", description = "Read this secret from a variable.")
        Map<String, String> envSecrets = new LinkedHashMap<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            // Third-party plugins are the workspace's (enabled per workspace), so the file is opened first.
            return PublishCommand.run(workspace, ws -> add(out, ws));
        }

        private int add(PrintWriter out, org.cristal.library.Workspace ws) {
            ChannelPlugin plugin = CliPublishing.plugins(ws).find(pluginId)
                    .orElseThrow(() -> new UserError(CliText.get("channels.pluginMissing", pluginId)));
            Map<String, SettingSpec> specs = new LinkedHashMap<>();
            plugin.settings().forEach(s -> specs.put(s.key(), s));
            for (String key : settings.keySet()) {
                SettingSpec s = specs.get(key);
                if (s == null) {
                    throw new UserError(CliText.get("channels.unknownSetting", key, pluginId, String.join(", ", specs.keySet())));
                }
                if (s.secret()) {
                    throw new UserError(CliText.get("channels.secretOnCommandLine", key));
                }
            }
            Map<String, String> secrets = readSecrets(specs);
            String accountId = id != null ? id : ws.channelAccounts().freeId(pluginId);
            Map<String, String> all = new LinkedHashMap<>(settings);
            all.putAll(secrets);
            SecretStore store = CliPublishing.secrets();
            ChannelAccount saved;
            try {
                // All or nothing: a store that is locked or refuses leaves no account behind.
                saved = new Accounts(ws.channelAccounts(), store).save(ChannelAccount.of(accountId, pluginId,
                        name == null ? plugin.displayName().get(CliText.locale()) : name, all), plugin);
            } catch (SecretStoreException e) {
                throw new UserError(CliText.get("channels.notAdded", CliPublishing.explain(e)), e);
            }
            out.println(CliText.get("channels.added", CliText.plain(saved.id()), CliText.plain(saved.name()), pluginId));
            for (SettingSpec s : specs.values()) {
                if (s.secret() && !all.containsKey(s.key())) {
                    try {
                        store.get(saved.id(), s.key()).ifPresent(v -> all.put(s.key(), v));
                    } catch (SecretStoreException e) {
                        // reported below as missing
                    }
                }
            }
            for (SettingProblem p : plugin.validate(ChannelSettings.of(all))) {
                out.println("  - " + p.key() + ": " + CliText.plain(p.message().get(CliText.locale())));
            }
            return CristalCli.OK;
        }

        private Map<String, String> readSecrets(Map<String, SettingSpec> specs) {
            Map<String, String> out = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>(stdinSecrets);
            keys.addAll(envSecrets.keySet());
            for (String key : keys) {
                if (specs.get(key) == null || !specs.get(key).secret()) {
                    throw new UserError(CliText.get("channels.notASecret", key));
                }
            }
            for (Map.Entry<String, String> e : envSecrets.entrySet()) {
                String value = CliPublishing.env.get(e.getValue());
                if (value == null || value.isBlank()) {
                    throw new UserError(CliText.get("channels.noVariable", e.getValue()));
                }
                out.put(e.getKey(), value.strip());
            }
            if (!stdinSecrets.isEmpty()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String key : stdinSecrets) {
                    try {
                        String line = in.readLine();
                        if (line == null || line.isBlank()) {
                            throw new UserError(CliText.get("channels.noSecretOnInput", key));
                        }
                        out.put(key, line.strip());
                    } catch (IOException e) {
                        throw new UserError(CliText.get("channels.noSecretOnInput", key), e);
                    }
                }
            }
            return out;
        }
    }
}
