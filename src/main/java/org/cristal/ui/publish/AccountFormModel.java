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
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.SettingProblem;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.ui.model.Workers;

/**
 * The form of one channel account, generated from its plugin's {@link ChannelPlugin#settings()}: a value
 * and a problem per field, checked as the user types, a connection test, and save (plain values to the
 * workspace, secrets to the secret store).
 */
public final class AccountFormModel {
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
    private final ChannelAccount existing;
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

    AccountFormModel(ChannelPlugin plugin, ChannelAccount existing, Set<String> storedSecrets, Workers workers,
            Executor network, Supplier<Workspace> workspace, SecretStore secrets, ResourceBundle text,
            Locale locale) {
        this.plugin = plugin;
        this.existing = existing;
        this.storedSecrets = Set.copyOf(storedSecrets);
        this.workers = workers;
        this.network = network;
        this.workspace = workspace;
        this.secrets = secrets;
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
        }
        name.addListener((o, a, b) -> validate());
        validate();
    }

    public ChannelPlugin plugin() {
        return plugin;
    }

    /** True when editing a saved account, false for a new one. */
    public boolean isExisting() {
        return existing != null;
    }

    public List<Field> fields() {
        return fields;
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
        return workers.onWorkspace("saving a channel account", () -> {
            Workspace ws = workspace.get();
            String id = existing != null ? existing.id() : ws.channelAccounts().freeId(plugin.id());
            // Secrets to the secret store (a blank one, left out of the split, keeps the stored one).
            Map<String, String> values = new LinkedHashMap<>(split.settings());
            values.putAll(split.secrets());
            return new Accounts(ws.channelAccounts(), secrets).save(
                    new ChannelAccount(id, plugin.id(), accountName, values, on, null, null), plugin);
        });
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }

    private PublishContext context() {
        return new org.cristal.publish.MemoryContext(Clock.systemUTC(), locale);
    }
}
