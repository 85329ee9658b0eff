package org.cristal.library;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cristal.render.Images;
import org.cristal.story.Asset;

/** Images and other files stored inside the workspace, so the one file carries everything. */
public final class Assets {
    private static final System.Logger LOG = System.getLogger(Assets.class.getName());
    private final Db db;
    private final Clock clock;

    Assets(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Stores (or replaces) the asset {@code name} — a reference path, normalised. A blank {@code alt}
     * keeps the alt text already stored.
     *
     * @throws WorkspaceException if the name is not a plain relative path
     */
    public StoredAsset put(String name, byte[] bytes, String alt) {
        String key = AssetNames.normalize(name).orElseThrow(() -> new WorkspaceException("library.error.assetName",
                String.valueOf(name)));
        Asset probe = Images.asset(AssetNames.fileName(key), bytes);
        String sha = sha256(bytes);
        String altText = alt == null ? "" : alt.strip();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO assets(name, file_name, media_type, bytes, "
                    + "sha256, width, height, alt, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT(name) DO UPDATE SET media_type = excluded.media_type, bytes = excluded.bytes, "
                    + "sha256 = excluded.sha256, width = excluded.width, height = excluded.height, "
                    + "alt = CASE WHEN excluded.alt = '' THEN alt ELSE excluded.alt END, "
                    + "updated_at = excluded.updated_at")) {
                ps.setString(1, key);
                ps.setString(2, AssetNames.fileName(key));
                ps.setString(3, probe.mediaType());
                ps.setBytes(4, bytes);
                ps.setString(5, sha);
                ps.setInt(6, probe.width());
                ps.setInt(7, probe.height());
                ps.setString(8, altText);
                ps.setLong(9, clock.millis());
                return ps.executeUpdate();
            }
        });
        return get(key).orElseThrow();
    }

    /** The asset stored under exactly this (normalised) name. */
    public Optional<StoredAsset> get(String name) {
        Optional<String> key = AssetNames.normalize(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return db.read(c -> byName(c, key.get()));
    }

    /**
     * The asset a story reference points to: by normalised path, or else by file name alone when
     * only one asset has it (a story written for another folder layout still finds its pictures).
     */
    public Optional<StoredAsset> find(String reference) {
        Optional<String> key = AssetNames.normalize(reference);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return db.read(c -> {
            // As imported: a picture beside the stories ("photos/x.jpg" from stories/) is stored
            // under its path from the import root, "stories/photos/x.jpg".
            for (String name : List.of(key.get(), "stories/" + key.get())) {
                Optional<StoredAsset> exact = byName(c, name);
                if (exact.isPresent()) {
                    return exact;
                }
            }
            // By file name only when it is unambiguous: a missing picture is better than someone else's.
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM assets WHERE file_name = ? LIMIT 2")) {
                ps.setString(1, AssetNames.fileName(key.get()));
                try (ResultSet rs = ps.executeQuery()) {
                    String only = rs.next() ? rs.getString(1) : null;
                    return only == null || rs.next() ? Optional.<StoredAsset>empty() : byName(c, only);
                }
            }
        });
    }

    /** Every asset's name, without the bytes. */
    public List<String> names() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM assets ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    public boolean delete(String name) {
        Optional<String> key = AssetNames.normalize(name);
        return key.isPresent() && db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM assets WHERE name = ?")) {
                ps.setString(1, key.get());
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static Optional<StoredAsset> byName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT media_type, bytes, sha256, width, height, alt FROM assets WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] bytes = rs.getBytes(2);
                String sha = rs.getString(3);
                // Checked at every read: a byte flipped on disk would otherwise reach an export, a preview
                // or a publication as a broken image, silently.
                boolean intact = sha256(bytes).equalsIgnoreCase(sha);
                if (!intact) {
                    LOG.log(System.Logger.Level.WARNING, "asset " + name + " does not match its SHA-256");
                }
                return Optional.of(new StoredAsset(name, rs.getString(1), bytes, sha, rs.getInt(4), rs.getInt(5),
                        rs.getString(6), intact));
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
