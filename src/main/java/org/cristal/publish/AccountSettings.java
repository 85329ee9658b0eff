package org.cristal.publish;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.cristal.library.ChannelAccount;

/**
 * Loads an account's settings for its plugin: the plain values from the workspace, the secrets from the
 * secret store. The one place the core does this until the infra part's {@code Accounts} is on main.
 */
final class AccountSettings {
    private AccountSettings() {
    }

    static ChannelSettings load(ChannelAccount account, ChannelPlugin plugin, SecretStore secrets)
            throws SecretStoreException {
        Map<String, String> values = new HashMap<>();
        Set<String> secretKeys = new HashSet<>();
        for (SettingSpec spec : plugin.settings()) {
            if (spec.secret()) {
                secretKeys.add(spec.key());
                var value = secrets.get(account.id(), spec.key());
                if (value.isPresent()) {
                    values.put(spec.key(), value.get());
                }
            } else if (account.settings().containsKey(spec.key())) {
                values.put(spec.key(), account.settings().get(spec.key()));
            }
        }
        // Settings of a newer version of the plugin, kept as they are.
        account.settings().forEach((k, v) -> {
            if (!secretKeys.contains(k)) {
                values.putIfAbsent(k, v);
            }
        });
        return new ChannelSettings(values, secretKeys);
    }
}
