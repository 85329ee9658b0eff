package org.cristal.ui.brand;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.story.Brand;
import org.cristal.ui.brand.BrandEditorModel.Field;
import org.cristal.ui.brand.BrandEditorModel.Issue;

/**
 * The brand kit in the form: one text property per field, what it was when loaded or saved, and what
 * follows every keystroke (the preview brand, the contrast, the issues, whether it is dirty).
 */
final class BrandFormState {
    private final Supplier<String> id;
    private final Map<Field, StringProperty> fields = new EnumMap<>(Field.class);
    private final Map<Field, String> baseline = new EnumMap<>(Field.class);
    final ReadOnlyBooleanWrapper editing;
    final ReadOnlyBooleanWrapper dirty;
    final ReadOnlyObjectWrapper<Brand> previewBrand;
    final ReadOnlyDoubleWrapper contrast;
    private final ObservableList<Issue> issues = FXCollections.observableArrayList();
    // Kept: a read-only view forwards changes through a weak listener, so a view made per call would be
    // collected and its listeners would stop hearing anything.
    final ObservableList<Issue> issuesReadOnly = FXCollections.unmodifiableObservableList(issues);
    /** The brand as loaded or last saved: where an unreadable colour falls back to in the preview. */
    private Brand saved = Brand.DEFAULT;
    private boolean loading;

    /** {@code bean} owns the properties; {@code id} is the id of the kit in the form (null for none). */
    BrandFormState(Object bean, Supplier<String> id) {
        this.id = id;
        editing = new ReadOnlyBooleanWrapper(bean, "editing");
        dirty = new ReadOnlyBooleanWrapper(bean, "dirty");
        previewBrand = new ReadOnlyObjectWrapper<>(bean, "previewBrand", Brand.DEFAULT);
        contrast = new ReadOnlyDoubleWrapper(bean, "contrast", 21);
        for (Field f : Field.values()) {
            StringProperty p = new SimpleStringProperty(bean, f.name(), "");
            p.addListener((obs, was, now) -> {
                if (!loading) {
                    refresh();
                }
            });
            fields.put(f, p);
        }
        clear();
    }

    StringProperty property(Field f) {
        return fields.get(f);
    }

    Brand saved() {
        return saved;
    }

    void load(Brand b) {
        loading = true;
        try {
            saved = b;
            BrandValidation.fieldsOf(b).forEach((f, v) -> fields.get(f).set(v));
            baseline.putAll(values());
            editing.set(true);
        } finally {
            loading = false;
        }
        refresh();
    }

    void unload() {
        editing.set(false);
        clear();
    }

    /** After a save: {@code brand}, read from {@code values}, is what the form is now compared with. */
    void saved(Brand brand, Map<Field, String> values) {
        saved = brand;
        baseline.putAll(values);
        refresh();
    }

    Map<Field, String> values() {
        Map<Field, String> out = new EnumMap<>(Field.class);
        fields.forEach((f, p) -> out.put(f, Objects.requireNonNullElse(p.get(), "")));
        return out;
    }

    /** The brand the form describes, leniently; what is wrong with it goes to {@code found}. */
    Brand build(List<Issue> found) {
        return BrandValidation.build(values(), id.get(), saved, found);
    }

    private void clear() {
        loading = true;
        try {
            saved = Brand.DEFAULT;
            fields.values().forEach(p -> p.set(""));
            baseline.putAll(values());
        } finally {
            loading = false;
        }
        refresh();
    }

    /** Recomputes everything derived from the fields: preview, issues, contrast, dirty. */
    private void refresh() {
        List<Issue> found = new ArrayList<>();
        Brand b = build(found);
        previewBrand.set(editing.get() ? b : Brand.DEFAULT);
        contrast.set(BrandValidation.ratio(b.colors()));
        issues.setAll(editing.get() ? found : List.of());
        dirty.set(editing.get() && !values().equals(baseline));
    }
}
