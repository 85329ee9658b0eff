package org.cristal.ui.publish;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.publish.Accounts;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.ui.model.Workers;

/** The channels screen: the plugins available and the accounts configured in the workspace. */
public final class ChannelsModel {
    private final Workers workers;
    private final Executor network;
    private final Supplier<Workspace> workspace;
    private final Publishing publishing;
    private final ResourceBundle text;
    private final Locale locale;
    private final ObservableList<ChannelAccount> accounts = FXCollections.observableArrayList();

    ChannelsModel(Workers workers, Executor network, Supplier<Workspace> workspace, Publishing publishing,
            ResourceBundle text, Locale locale) {
        this.workers = workers;
        this.network = network;
        this.workspace = workspace;
        this.publishing = publishing;
        this.text = text;
        this.locale = locale;
    }

    public List<ChannelPlugin> plugins() {
        return publishing.plugins(workspace.get()).plugins();
    }

    /*
     * The add-account menu's order: what a shop or a freelancer uses most comes first (their letter, then the
     * networks their customers are on), the technical outlets last. A plugin from a jar follows the known ones.
     */
    private static final List<String> MENU_ORDER = List.of("smtp-newsletter", "facebook-page", "instagram",
            "google-business", "linkedin", "mastodon", "bluesky", "x", "static-site", "wordpress", "ghost",
            "export-folder", "webhook");

    /** The plugins in the add-account menu's order. */
    public List<ChannelPlugin> addable() {
        return inMenuOrder(plugins());
    }

    static List<ChannelPlugin> inMenuOrder(List<ChannelPlugin> plugins) {
        return plugins.stream().sorted(java.util.Comparator.comparingInt(p -> {
            int at = MENU_ORDER.indexOf(p.id());
            return at < 0 ? MENU_ORDER.size() : at;
        })).toList();
    }

    /** The account's plugin, or null when it is missing or disabled. */
    public ChannelPlugin plugin(ChannelAccount account) {
        return publishing.plugins(workspace.get()).find(account.plugin()).orElse(null);
    }

    /** Where secrets are kept, for the screen to say. */
    public org.cristal.publish.spi.LocalText secretsDescription() {
        return publishing.secrets().describe();
    }

    public ObservableList<ChannelAccount> accounts() {
        return accounts;
    }

    /** Re-reads the accounts; completes on the UI thread. */
    public CompletableFuture<Void> refresh() {
        return onIo(ws -> ws.channelAccounts().list()).thenAccept(accounts::setAll);
    }

    /** A form for a new account of {@code plugin}. */
    public AccountFormModel newAccount(ChannelPlugin plugin) {
        return new AccountFormModel(plugin, null, Set.of(), workers, network, workspace, publishing, text,
                locale);
    }

    /** A form for a saved account, once it is known which of its secrets are stored. */
    public CompletableFuture<AccountFormModel> edit(ChannelAccount account) {
        ChannelPlugin plugin = plugin(account);
        if (plugin == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("plugin missing: " + account.plugin()));
        }
        return onIo(ws -> {
            Accounts accounts = new Accounts(ws.channelAccounts(), publishing.secrets());
            Set<String> stored = new HashSet<>();
            for (SettingSpec s : plugin.settings()) {
                if (s.secret() && accounts.hasSecret(account.id(), s.key())) {
                    stored.add(s.key());
                }
            }
            return stored;
        }).thenApply(stored -> new AccountFormModel(plugin, account, stored, workers, network, workspace,
                publishing, text, locale));
    }

    /** The form of the account a publication goes to (Reconnect…); fails when the account was deleted. */
    public CompletableFuture<AccountFormModel> edit(String accountId) {
        return onIo(ws -> ws.channelAccounts().get(accountId)
                .orElseThrow(() -> new IllegalStateException("no account " + accountId))).thenCompose(this::edit);
    }

    /** Removes the account and its secrets; its publications stay in the outbox history. */
    public CompletableFuture<Void> delete(ChannelAccount account) {
        ChannelPlugin plugin = plugin(account);
        return onIo(ws -> plugin != null
                ? new Accounts(ws.channelAccounts(), publishing.secrets()).delete(account.id(), plugin)
                : ws.channelAccounts().delete(account.id())).thenCompose(x -> refresh());
    }

    /** Whether "publish everywhere" includes the account. */
    public CompletableFuture<Void> setEnabled(ChannelAccount account, boolean on) {
        return onIo(ws -> ws.channelAccounts().save(new ChannelAccount(account.id(), account.plugin(), account.name(),
                account.settings(), on, account.createdAt(), account.updatedAt()))).thenCompose(x -> refresh());
    }

    interface IoWork<T> {
        T run(Workspace ws) throws SecretStoreException;
    }

    private <T> CompletableFuture<T> onIo(IoWork<T> work) {
        return workers.onWorkspace("reading or changing channel accounts", () -> work.run(workspace.get()));
    }
}
