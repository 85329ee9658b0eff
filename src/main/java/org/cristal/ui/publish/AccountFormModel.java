package org.cristal.ui.publish;

import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.publish.Accounts;
import org.cristal.publish.SecretStore;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.oauth.Browser;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.SettingProblem;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.ui.model.Workers;

/**
 * The form of one channel account, generated from its plugin's {@link ChannelPlugin#settings()}: a value
 * and a problem per field, checked as the user types, a connection test, save (plain values to the
 * workspace, secrets to the secret store), and for a plugin that has one, the Connect button's flow.
 */
public final class AccountFormModel {
    /**
     * Asks the user where to post (Pages, organisations, locations). Called on the FX thread; the answer
     * comes later, empty when the user gave up.
     */
    @FunctionalInterface
    public interface PlaceChooser {
        CompletableFuture<Optional<Connected.Target>> choose(String who, List<Connected.Target> places);
    }

    /** The plain-words box about the app id a service wants from the user: its title and the how-to. */
    public record AppIdHelp(String title, String howTo) {
    }

    /** One field: what it is, what is typed, what is wrong with it ("" when nothing). */
    public record Field(SettingSpec spec, StringProperty value, ReadOnlyStringWrapper problemWrapper) {
        public ReadOnlyStringProperty problem() {
            return problemWrapper.getReadOnlyProperty();
        }
    }

    /** The form's values split as they are stored. */
    public record Split(Map<String, String> settings, Map<String, String> secrets) {
    }

    private final ChannelPlugin plugin;
    private final Publishing publishing;
    /** The account as saved: the one edited, or the new one once saved (Connect saves first). */
    private ChannelAccount existing;
    /** Typed into since the form opened or was last saved: Connect saves first. */
    private boolean changed;
    private final Set<String> storedSecrets;
    private final Workers workers;
    private final Executor network;
    private final Supplier<Workspace> workspace;
    private final SecretStore secrets;
    private final ResourceBundle text;
    private final Locale locale;
    private final List<Field> fields = new ArrayList<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testFailed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper connectStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper connectFailed = new ReadOnlyBooleanWrapper();
    /** Run after each successful Connect (Reconnect… refreshes a waiting post); touched on the FX thread only. */
    private final List<Runnable> connectedListeners = new ArrayList<>();
    /** The Connect under way, for Cancel; touched on the FX thread only. */
    private Connecting current;
    /** The place question waiting for the user, completed empty when the Connect is cancelled. */
    private volatile CompletableFuture<Optional<Connected.Target>> pendingChoice;

    AccountFormModel(ChannelPlugin plugin, ChannelAccount existing, Set<String> storedSecrets, Workers workers,
            Executor network, Supplier<Workspace> workspace, Publishing publishing, ResourceBundle text,
            Locale locale) {
        this.plugin = plugin;
        this.publishing = publishing;
        this.secrets = publishing.secrets();
        this.existing = existing;
        this.storedSecrets = Set.copyOf(storedSecrets);
        this.workers = workers;
        this.network = network;
        this.workspace = workspace;
        this.text = text;
        this.locale = locale;
        name.set(existing == null ? plugin.displayName().get(locale) : existing.name());
        enabled.set(existing == null || existing.enabled());
        for (SettingSpec spec : plugin.settings()) {
            String start = spec.secret() ? ""
                    : existing == null ? spec.defaultValue() : existing.settings().getOrDefault(spec.key(), "");
            Field f = new Field(spec, new SimpleStringProperty(start), new ReadOnlyStringWrapper(""));
            fields.add(f);
            f.value().addListener((o, a, b) -> validate());
            f.value().addListener((o, a, b) -> changed = true);
        }
        name.addListener((o, a, b) -> validate());
        name.addListener((o, a, b) -> changed = true);
        enabled.addListener((o, a, b) -> changed = true);
        validate();
    }

    public ChannelPlugin plugin() {
        return plugin;
    }

    /** The account as saved, or null while a new one has never been saved. */
    public ChannelAccount account() {
        return existing;
    }

    /** True when editing a saved account, false for a new one. */
    public boolean isExisting() {
        return existing != null;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The fields the form shows: all but those Connect fills in itself. */
    public List<Field> shownFields() {
        return fields.stream().filter(f -> !isFilledByConnect(f.spec())).toList();
    }

    public Optional<Field> field(String key) {
        return fields.stream().filter(f -> f.spec().key().equals(key)).findFirst();
    }

    /** Whether the secret store already holds this secret: left blank, it is kept as it is. */
    public boolean hasStoredSecret(String key) {
        return storedSecrets.contains(key);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** True when no field has a problem: the account can be saved. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** Who the test connected as, or why it failed; "" before a test. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testFailedProperty() {
        return testFailed.getReadOnlyProperty();
    }

    /** Checks every field with the plugin's own rules and puts each problem next to its field. */
    public void validate() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : fields) {
            String v = f.value().get();
            // A secret already stored counts as given: the user need not type it again to save.
            values.put(f.spec().key(), v.isBlank() && storedSecrets.contains(f.spec().key()) ? "\u2022" : v);
        }
        List<SettingProblem> problems;
        try {
            problems = plugin.validate(new ChannelSettings(values, secretKeys()));
        } catch (RuntimeException e) {
            // A third-party plugin's bug must not take the form down with it.
            problems = List.of(new SettingProblem("", LocalText.of(String.valueOf(e.getMessage()))));
        }
        boolean ok = true;
        for (Field f : fields) {
            StringBuilder msg = new StringBuilder();
            for (SettingProblem p : problems) {
                if (p.key().equals(f.spec().key())) {
                    msg.append(msg.length() == 0 ? "" : " ").append(p.message().get(locale));
                }
            }
            f.problemWrapper().set(msg.toString());
            ok &= msg.length() == 0;
        }
        StringBuilder general = new StringBuilder();
        for (SettingProblem p : problems) {
            if (fields.stream().noneMatch(f -> f.spec().key().equals(p.key()))) {
                general.append(general.length() == 0 ? "" : " ").append(p.message().get(locale));
            }
        }
        if (name.get() == null || name.get().isBlank()) {
            general.insert(0, text.getString("channels.nameRequired"));
        }
        nameProblem.set(general.toString().strip());
        valid.set(ok && general.length() == 0);
    }

    private Set<String> secretKeys() {
        Set<String> keys = new HashSet<>();
        fields.stream().filter(f -> f.spec().secret()).forEach(f -> keys.add(f.spec().key()));
        return keys;
    }

    /**
     * The form's values as they are stored: secrets (passwords, tokens) apart, for the secret store, the
     * rest for the workspace file. A blank secret is left out: the stored one stays.
     */
    public Split split() {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> secret = new LinkedHashMap<>();
        for (Field f : fields) {
            String v = f.value().get() == null ? "" : f.value().get();
            if (f.spec().secret()) {
                if (!v.isBlank()) {
                    secret.put(f.spec().key(), v);
                }
            } else if (!v.isBlank()) {
                plain.put(f.spec().key(), v.strip());
            }
        }
        return new Split(plain, secret);
    }

    /** Contacts the service with the values as typed (stored secrets for blank ones), off the UI thread. */
    public CompletableFuture<Void> testConnection() {
        if (fields.stream().anyMatch(f -> !f.problem().get().isEmpty())) {
            // A plugin given a malformed address may fail in ways it cannot explain; say what to fix instead.
            testResult.set(text.getString("channels.testFixFirst"));
            testFailed.set(true);
            return CompletableFuture.completedFuture(null);
        }
        Split split = split();
        String account = existing == null ? "" : existing.id();
        testing.set(true);
        testResult.set(text.getString("channels.testing"));
        testFailed.set(false);
        CompletableFuture<Void> done = new CompletableFuture<>();
        network.execute(() -> {
            String result;
            boolean failed;
            try {
                Map<String, String> values = new LinkedHashMap<>(split.settings());
                values.putAll(split.secrets());
                for (String key : storedSecrets) {
                    if (!values.containsKey(key) && !account.isEmpty()) {
                        secrets.get(account, key).ifPresent(v -> values.put(key, v));
                    }
                }
                LocalText who = plugin.testConnection(new ChannelSettings(values, secretKeys()), context());
                result = format("channels.testOk", who.get(locale));
                failed = false;
            } catch (PublishException e) {
                result = format("channels.testFailed", e.message(locale));
                failed = true;
            } catch (SecretStoreException e) {
                result = format("channels.testFailed", e.getMessage());
                failed = true;
            } catch (RuntimeException e) {
                System.getLogger(AccountFormModel.class.getName()).log(System.Logger.Level.WARNING, "test", e);
                result = format("channels.testFailed", text.getString("error.unexpected"));
                failed = true;
            }
            String r = result;
            boolean f = failed;
            workers.fx().execute(() -> {
                testing.set(false);
                testResult.set(r);
                testFailed.set(f);
                done.complete(null);
            });
        });
        return done;
    }

    /** Saves the account (a new one gets a free id from the plugin's); completes on the UI thread. */
    public CompletableFuture<ChannelAccount> save() {
        Split split = split();
        String accountName = name.get().strip();
        boolean on = enabled.get();
        ChannelAccount saved = existing;
        return workers.onWorkspace("saving a channel account", () -> {
            Workspace ws = workspace.get();
            String id = saved != null ? saved.id() : ws.channelAccounts().freeId(plugin.id());
            // Secrets to the secret store (a blank one, left out of the split, keeps the stored one).
            Map<String, String> values = new LinkedHashMap<>(split.settings());
            values.putAll(split.secrets());
            if (saved != null) {
                // What Connect chose (a Page's id) is no field of the form, and must survive a save.
                saved.settings().forEach((k, v) -> {
                    if (field(k).isEmpty()) {
                        values.putIfAbsent(k, v);
                    }
                });
            }
            return new Accounts(ws.channelAccounts(), secrets).save(
                    new ChannelAccount(id, plugin.id(), accountName, values, on, null, null), plugin);
        }).thenApply(account -> {
            existing = account;
            changed = false;
            return account;
        });
    }

    /** Whether the plugin has a Connect button (OAuth); a third-party plugin's bug counts as none. */
    public boolean canConnect() {
        try {
            return plugin.oauth().isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True once the account holds a grant: the form says so and offers Disconnect. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** True while waiting for the user in the browser (and for the place they choose). */
    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    /** "Waiting for you in the browser…", "Connected as …", or why Connect failed; "" before. */
    public ReadOnlyStringProperty connectStatusProperty() {
        return connectStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectFailedProperty() {
        return connectFailed.getReadOnlyProperty();
    }

    /**
     * The app id a service wants from the user (Meta's app id, a client id), explained once above the fields
     * from the setting's own help, which carries the plugin's how-to; empty when the plugin wants none.
     */
    public Optional<AppIdHelp> appIdHelp() {
        if (!canConnect()) {
            return Optional.empty();
        }
        String service = plugin.displayName().get(locale);
        return fields.stream().map(Field::spec)
                .filter(s -> s.required() && !s.secret() && isAppId(s.key()))
                .findFirst()
                .map(s -> new AppIdHelp(format("channels.connect.appIdTitle", service),
                        format("channels.connect.appIdWhere", s.help().get(locale))));
    }

    /** The app id field whose how-to the box above the fields already gives: said once, not twice. */
    public boolean isExplainedAbove(SettingSpec spec) {
        return canConnect() && spec.required() && !spec.secret() && isAppId(spec.key())
                && appIdHelp().isPresent();
    }

    static boolean isAppId(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return k.equals("appid") || k.equals("clientid") || k.endsWith(".appid") || k.endsWith(".clientid");
    }

    /**
     * A pasted token (Mastodon, X) is only the other way in once the plugin has Connect: the form says so
     * instead of asking for it.
     */
    public boolean isPasteAlternative(SettingSpec spec) {
        return canConnect() && spec.secret() && spec.key().toLowerCase(Locale.ROOT).contains("token");
    }

    /** "Connected as Marie — Boulangerie du Fournil", or less when a name is not known. */
    private String connectedText(String who, String place) {
        if (who.isBlank()) {
            return text.getString("channels.connect.connected");
        }
        return place.isBlank() ? format("channels.connect.connectedAs", who)
                : format("channels.connect.connectedAsAt", who, place);
    }

    /** A setting Connect fills in itself: the form does not show it (its value is kept as it is). */
    public boolean isFilledByConnect(SettingSpec spec) {
        try {
            return !spec.required() && plugin.oauth().map(o -> o.filledByConnect().contains(spec.key())).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Reads whether the saved account is connected; completes on the UI thread. */
    public CompletableFuture<Boolean> checkConnected() {
        ChannelAccount account = existing;
        if (!canConnect() || account == null) {
            return CompletableFuture.completedFuture(false);
        }
        Connecting c = publishing.connecting(workspace.get(), AccountFormModel::noBrowser, locale);
        return workers.on(network, "reading whether an account is connected", () -> c.link(account.id()))
                .thenApply(link -> {
                    connected.set(link.isPresent());
                    if (link.isPresent() && connectStatus.get().isEmpty()) {
                        connectStatus.set(connectedText(link.get().who(), link.get().place()));
                    }
                    return link.isPresent();
                });
    }

    /**
     * Connect: saves the account first when it is new or changed, then, off the UI thread, opens the
     * service's consent page in {@code browser}, waits for the user (up to five minutes), asks {@code chooser}
     * where to post when the grant reaches several places, and stores the grant. Completes on the UI thread,
     * never exceptionally: a failure is one sentence in {@link #connectStatusProperty()}.
     */
    public CompletableFuture<Void> connect(Browser browser, PlaceChooser chooser) {
        if (connecting.get()) {
            return CompletableFuture.completedFuture(null);
        }
        if (!valid.get()) {
            fail(text.getString("channels.testFixFirst"));
            return CompletableFuture.completedFuture(null);
        }
        connecting.set(true);
        connectFailed.set(false);
        connectStatus.set(text.getString("channels.connect.waiting"));
        CompletableFuture<ChannelAccount> saved = existing == null || changed ? save()
                : CompletableFuture.completedFuture(existing);
        return saved.thenCompose(account -> {
            Connecting c = publishing.connecting(workspace.get(), browser, locale);
            current = c;
            return workers.on(network, "connecting a channel account",
                    () -> c.connect(account.id(), (who, places) -> ask(chooser, who, places)));
        }).handle((result, t) -> {
            current = null;
            connecting.set(false);
            Throwable why = t == null ? null : Workers.unwrap(t);
            if (why instanceof PublishException e && e.kind() == PublishException.Kind.CANCELLED) {
                connectFailed.set(false);
                connectStatus.set(text.getString("channels.connect.cancelled"));
            } else if (why != null) {
                fail(format("channels.connect.failed", describe(why)));
            } else {
                existing = result.account();
                takeSettings(result.account());
                changed = false;
                connected.set(true);
                connectStatus.set(connectedText(result.who().get(locale),
                        result.target().map(org.cristal.publish.spi.Connected.Target::name).orElse("")));
                connectedListeners.forEach(Runnable::run);
            }
            return null;
        });
    }

    /** Runs {@code listener} on the UI thread after each Connect that succeeds (not after a check or a Cancel). */
    public void onConnected(Runnable listener) {
        connectedListeners.add(listener);
    }

    /** Ends the wait for the browser (or for the place question); the Connect then says it was cancelled. */
    public void cancelConnect() {
        CompletableFuture<Optional<Connected.Target>> choice = pendingChoice;
        if (choice != null) {
            choice.complete(Optional.empty());
        }
        Connecting c = current;
        if (c != null) {
            try {
                c.cancel();
            } catch (RuntimeException e) {
                System.getLogger(AccountFormModel.class.getName()).log(System.Logger.Level.WARNING, "cancel", e);
            }
        }
    }

    /** Forgets the account's grant; its scheduled posts wait until it is connected again. */
    public CompletableFuture<Void> disconnect() {
        ChannelAccount account = existing;
        if (account == null) {
            return CompletableFuture.completedFuture(null);
        }
        Connecting c = publishing.connecting(workspace.get(), AccountFormModel::noBrowser, locale);
        return workers.on(network, "disconnecting a channel account", () -> {
            c.disconnect(account.id());
            return null;
        }).handle((x, t) -> {
            if (t != null) {
                fail(format("channels.connect.disconnectFailed", describe(Workers.unwrap(t))));
            } else {
                connected.set(false);
                connectFailed.set(false);
                connectStatus.set(text.getString("channels.connect.disconnected"));
            }
            return null;
        });
    }

    /** On the connecting thread: asks on the UI thread and waits for the answer there, never blocking it. */
    private Optional<Connected.Target> ask(PlaceChooser chooser, LocalText who, List<Connected.Target> places) {
        CompletableFuture<Optional<Connected.Target>> answer = new CompletableFuture<>();
        pendingChoice = answer;
        workers.fx().execute(() -> {
            try {
                chooser.choose(who.get(locale), places).whenComplete((a, t) -> answer.complete(
                        t == null && a != null ? a : Optional.empty()));
            } catch (RuntimeException e) {
                answer.complete(Optional.empty());
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            return Optional.empty();
        } finally {
            pendingChoice = null;
        }
    }

    /** What Connect stored with the account (the chosen Page's id) shows in its field, so a later save keeps it. */
    private void takeSettings(ChannelAccount account) {
        for (Field f : fields) {
            String v = account.settings().get(f.spec().key());
            if (!f.spec().secret() && v != null && !v.equals(f.value().get())) {
                f.value().set(v);
            }
        }
    }

    private void fail(String sentence) {
        connectFailed.set(true);
        connectStatus.set(sentence);
    }

    private String describe(Throwable t) {
        if (t instanceof PublishException e) {
            return e.message(locale);
        }
        if (t instanceof SecretStoreException e) {
            return e.getMessage();
        }
        return text.getString("error.unexpected");
    }

    /** For reading or forgetting a grant, which opens no page. */
    private static void noBrowser(java.net.URI uri) throws java.io.IOException {
        throw new java.io.IOException("no browser here");
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }

    private PublishContext context() {
        return new org.cristal.publish.MemoryContext(Clock.systemUTC(), locale);
    }
}
