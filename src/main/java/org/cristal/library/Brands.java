package org.cristal.library;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cristal.story.Brand;
import org.cristal.story.BrandParser;
import org.cristal.story.Slugs;
import org.cristal.story.StoryFormatException;

/** Brand kits, stored as their YAML text so an export gives back the file the user wrote. */
public final class Brands {
    private final Db db;
    private final Clock clock;

    Brands(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Saves a brand kit from its YAML. {@code id} blank: the kit's own id, or its name's slug.
     *
     * @return the id it was stored under
     */
    public String save(String id, String yaml) throws StoryFormatException {
        Brand parsed = BrandParser.parse(id, yaml);
        String key = Slugs.slug(id == null || id.isBlank() ? parsed.id() : id);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO brands(id, name, source, updated_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                    + "source = excluded.source, updated_at = excluded.updated_at")) {
                ps.setString(1, key);
                ps.setString(2, parsed.name());
                ps.setString(3, yaml);
                ps.setLong(4, clock.millis());
                return ps.executeUpdate();
            }
        });
        return key;
    }

    /** The brand kit, parsed; its id is the one it is stored under. */
    public Optional<Brand> get(String id) {
        return source(id).map(yaml -> {
            try {
                Brand b = BrandParser.parse(id, yaml);
                return new Brand(id, b.name(), b.tagline(), b.website(), b.logo(), b.colors(), b.fonts(), b.voice(),
                        b.contact(), b.social(), b.utm());
            } catch (StoryFormatException e) {
                throw new WorkspaceException(e, "library.error.unreadableBrand", id, e.getMessage());
            }
        });
    }

    /** The YAML text exactly as saved. */
    public Optional<String> source(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT source FROM brands WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private static final System.Logger LOG = System.getLogger(Brands.class.getName());

    /** Every readable brand kit, by name; an unreadable one is logged and left out. */
    public List<Brand> list() {
        List<String> ids = db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM brands ORDER BY name COLLATE NOCASE, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        List<Brand> brands = new ArrayList<>();
        for (String id : ids) {
            try {
                get(id).ifPresent(brands::add);
            } catch (WorkspaceException e) {
                // One kit a newer, stricter parser refuses must not hide the others (or the workspace).
                LOG.log(System.Logger.Level.WARNING, "brand kit " + id + " is unreadable and left out", e);
            }
        }
        return brands;
    }

    public boolean delete(String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM brands WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
