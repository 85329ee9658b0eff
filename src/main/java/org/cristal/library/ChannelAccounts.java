package org.cristal.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The channel accounts of a workspace: a plugin plus its settings, secrets excluded (they live in the
 * secret store). The caller removes secret keys before {@link #save}; this class refuses none, so it
 * cannot tell, and says so here rather than pretend. (Schema: Migrations v4.)
 */
public final class ChannelAccounts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Db db;
    private final Clock clock;

    ChannelAccounts(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Every account, by name. */
    public List<ChannelAccount> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM channel_accounts ORDER BY name COLLATE NOCASE, id");
                    ResultSet rs = ps.executeQuery()) {
                List<ChannelAccount> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        });
    }

    public Optional<ChannelAccount> get(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM channel_accounts WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Creates or replaces the account with this id; returns it as stored. */
    public ChannelAccount save(ChannelAccount account) {
        long now = clock.millis();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO channel_accounts(id, plugin, name, settings, enabled, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET plugin = excluded.plugin, name = excluded.name,
                      settings = excluded.settings, enabled = excluded.enabled, updated_at = excluded.updated_at""")) {
                ps.setString(1, account.id());
                ps.setString(2, account.plugin());
                ps.setString(3, account.name());
                ps.setString(4, toJson(account.settings()));
                ps.setInt(5, account.enabled() ? 1 : 0);
                ps.setLong(6, now);
                ps.setLong(7, now);
                ps.executeUpdate();
            }
            return null;
        });
        return get(account.id()).orElseThrow();
    }

    /** Removes the account; its publications stay in the outbox history. */
    public boolean delete(String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM channel_accounts WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** {@code base}, or {@code base-2}, {@code base-3} … whichever is free. */
    public String freeId(String base) {
        List<ChannelAccount> all = list();
        String id = base;
        for (int n = 2; exists(all, id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static boolean exists(List<ChannelAccount> all, String id) {
        return all.stream().anyMatch(a -> a.id().equalsIgnoreCase(id));
    }

    private static ChannelAccount read(ResultSet rs) throws SQLException {
        return new ChannelAccount(rs.getString("id"), rs.getString("plugin"), rs.getString("name"),
                fromJson(rs.getString("settings")), rs.getInt("enabled") != 0,
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static String toJson(Map<String, String> settings) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            // A hand-edited file: the account stays listed, with its settings to fill in again.
            return Map.of();
        }
    }
}
