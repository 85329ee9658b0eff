package org.cristal.publish;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cristal.library.ChannelAccount;
import org.cristal.library.ChannelAccounts;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.SettingSpec;

/**
 * Saves and loads channel accounts with their secrets kept apart: the values of settings the plugin marks
 * {@linkplain SettingSpec#secret() secret} go to the {@link SecretStore} (under the account's id), the rest
 * to the workspace ({@link ChannelAccounts}). {@link #settings} joins them again just before a publish.
 */
public final class Accounts {
    private final ChannelAccounts accounts;
    private final SecretStore secrets;

    public Accounts(ChannelAccounts accounts, SecretStore secrets) {
        this.accounts = Objects.requireNonNull(accounts);
        this.secrets = Objects.requireNonNull(secrets);
    }

    /**
     * Saves {@code account} whose settings are the form's values. For a secret setting, a value replaces
     * the stored one, a blank value removes it, and no entry leaves it as it is (a masked field the user
     * did not touch). All or nothing: secrets are stored first, so a locked or refusing store leaves the
     * workspace unchanged, and if a later secret or the workspace refuses, the secrets already changed are
     * put back as they were, so no account is ever left half-made.
     */
    public ChannelAccount save(ChannelAccount account, ChannelPlugin plugin) throws SecretStoreException {
        Set<String> secretKeys = secretKeys(plugin);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, Optional<String>> before = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> e : account.settings().entrySet()) {
                if (!secretKeys.contains(e.getKey())) {
                    plain.put(e.getKey(), e.getValue());
                    continue;
                }
                before.put(e.getKey(), secrets.get(account.id(), e.getKey()));
                if (e.getValue() == null || e.getValue().isBlank()) {
                    secrets.remove(account.id(), e.getKey());
                } else {
                    secrets.put(account.id(), e.getKey(), e.getValue());
                }
            }
            return accounts.save(new ChannelAccount(account.id(), account.plugin(), account.name(), plain,
                    account.enabled(), account.createdAt(), account.updatedAt()));
        } catch (SecretStoreException | RuntimeException e) {
            restore(account.id(), before);
            throw e;
        }
    }

    /** Puts secrets back as they were; best effort, the first failure is the one the user hears about. */
    private void restore(String accountId, Map<String, Optional<String>> before) {
        for (Map.Entry<String, Optional<String>> e : before.entrySet()) {
            try {
                if (e.getValue().isPresent()) {
                    secrets.put(accountId, e.getKey(), e.getValue().get());
                } else {
                    secrets.remove(accountId, e.getKey());
                }
            } catch (SecretStoreException | RuntimeException ignored) {
                // The store refused again: nothing more can be done here.
            }
        }
    }

    /** The account's settings for a publish or a connection test: its values plus its secrets, marked. */
    public ChannelSettings settings(ChannelAccount account, ChannelPlugin plugin) throws SecretStoreException {
        Set<String> secretKeys = secretKeys(plugin);
        Map<String, String> values = new LinkedHashMap<>();
        account.settings().forEach((k, v) -> {
            if (!secretKeys.contains(k)) {
                values.put(k, v);
            }
        });
        for (String key : secretKeys) {
            secrets.get(account.id(), key).ifPresent(v -> values.put(key, v));
        }
        return new ChannelSettings(values, secretKeys);
    }

    /** Whether a secret is stored for this setting (a form shows "•••" rather than an empty field). */
    public boolean hasSecret(String accountId, String key) throws SecretStoreException {
        return secrets.get(accountId, key).isPresent();
    }

    /** Deletes the account and its secrets, the grant of its Connect included. */
    public boolean delete(String accountId, ChannelPlugin plugin) throws SecretStoreException {
        for (String key : secretKeys(plugin)) {
            secrets.remove(accountId, key);
        }
        if (plugin.oauth().isPresent()) {
            org.cristal.publish.oauth.Connector.forget(secrets, accountId);
        }
        return accounts.delete(accountId);
    }

    private static Set<String> secretKeys(ChannelPlugin plugin) {
        Set<String> keys = new HashSet<>();
        for (SettingSpec spec : plugin.settings()) {
            if (spec.secret()) {
                keys.add(spec.key());
            }
        }
        return keys;
    }
}
