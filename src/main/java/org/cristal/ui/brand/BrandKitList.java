package org.cristal.ui.brand;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Brands;
import org.cristal.library.StoryFilter;
import org.cristal.library.Workspace;
import org.cristal.story.Brand;
import org.cristal.story.BrandWriter;
import org.cristal.story.Slugs;
import org.cristal.story.StoryFormatException;
import org.cristal.ui.brand.BrandEditorModel.Entry;

/**
 * The workspace's brand kits: the list the editor shows (changed on the FX thread) and the reads and
 * writes behind it (called on a background thread).
 */
final class BrandKitList {
    private final Workspace workspace;
    private final Brands brands;
    private final ObservableList<Entry> list = FXCollections.observableArrayList();
    // Kept: a read-only view forwards changes through a weak listener, so a view made per call would be
    // collected and its listeners would stop hearing anything.
    private final ObservableList<Entry> readOnly = FXCollections.unmodifiableObservableList(list);

    BrandKitList(Workspace workspace) {
        this.workspace = workspace;
        this.brands = workspace.brands();
    }

    ObservableList<Entry> entries() {
        return readOnly;
    }

    void show(List<Entry> entries) {
        list.setAll(entries);
    }

    List<Entry> read() {
        return brands.list().stream().map(b -> new Entry(b.id(), b.name())).toList();
    }

    Optional<Brand> get(String id) {
        return brands.get(id);
    }

    String save(String id, String yaml) throws StoryFormatException {
        return brands.save(id, yaml);
    }

    boolean delete(String id) {
        return brands.delete(id);
    }

    /** Saves {@code template} under a new unique id made from its name; returns the id. */
    String create(Brand template) throws StoryFormatException {
        String id = freeId(template.name());
        Brand b = new Brand(id, template.name(), template.tagline(), template.website(), template.logo(),
                template.colors(), template.fonts(), template.voice(), template.contact(), template.social(),
                template.utm());
        return brands.save(id, BrandWriter.write(b));
    }

    /** How many stories name this brand kit. */
    int storiesUsing(String id) {
        return workspace.stories().list(StoryFilter.ALL.withBrand(id)).size();
    }

    private String freeId(String name) {
        boolean hasWord = Slugs.foldAccents(name).toLowerCase(Locale.ROOT).matches("(?s).*[a-z0-9].*");
        String base = hasWord ? Slugs.slug(name) : "brand";
        String id = base;
        for (int n = 2; brands.source(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
