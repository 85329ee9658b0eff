package org.cristal.ui.contacts;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.Workspace;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactFacets;
import org.cristal.library.audience.ContactFilter;
import org.cristal.library.audience.ContactFilter.Standing;
import org.cristal.library.audience.Contacts;
import org.cristal.library.audience.Sql;
import org.cristal.ui.model.Debouncer;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * The contacts screen's list: searched as the user types (accents and case ignored), filtered, one page at
 * a time so 100,000 contacts never reach the table at once; with the counts the user sees above it.
 */
public final class ContactsModel {
    public static final Duration SEARCH_DEBOUNCE = Duration.ofMillis(150);
    public static final int PAGE = 100;

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ResourceBundle text;
    private final Locale locale;
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty tag = new SimpleStringProperty("");
    private final ObjectProperty<Standing> standing = new SimpleObjectProperty<>(Standing.ANY);
    private final StringProperty lang = new SimpleStringProperty("");
    private final StringProperty city = new SimpleStringProperty("");
    /** What a chosen segment adds to the filters; {@link Sql#ALL} without one. */
    private final ObjectProperty<Sql> segment = new SimpleObjectProperty<>(Sql.ALL);
    private final IntegerProperty offset = new SimpleIntegerProperty(0);
    private final ObservableList<Contact> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper found = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<ContactFacets> facets = new ReadOnlyObjectWrapper<>(ContactFacets.EMPTY);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final Debouncer debouncer;
    /** Tells the answer to the latest request from answers overtaken by a newer one. */
    private long generation;

    public ContactsModel(Workers workers, Supplier<Workspace> workspace, ResourceBundle text, Locale locale) {
        this.workers = workers;
        this.workspace = workspace;
        this.text = text;
        this.locale = locale;
        this.debouncer = new Debouncer(workers.timer(), SEARCH_DEBOUNCE, workers.fx(), () -> {
            offset.set(0);
            refresh();
        });
        query.addListener((o, a, b) -> debouncer.poke());
        for (javafx.beans.Observable filter : List.of(tag, standing, lang, city, segment)) {
            filter.addListener(o -> {
                offset.set(0);
                refresh();
            });
        }
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** "" for every tag. */
    public StringProperty tagProperty() {
        return tag;
    }

    public ObjectProperty<Standing> standingProperty() {
        return standing;
    }

    public StringProperty langProperty() {
        return lang;
    }

    public StringProperty cityProperty() {
        return city;
    }

    public ObjectProperty<Sql> segmentProperty() {
        return segment;
    }

    /** The contacts of the page shown. */
    public ObservableList<Contact> rows() {
        return rows;
    }

    /** How many contacts the workspace holds; -1 until read. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** How many match the search and filters. */
    public ReadOnlyIntegerProperty foundProperty() {
        return found.getReadOnlyProperty();
    }

    /** Where the page shown starts among those found. */
    public ReadOnlyIntegerProperty offsetProperty() {
        return offset;
    }

    public ReadOnlyObjectProperty<ContactFacets> facetsProperty() {
        return facets.getReadOnlyProperty();
    }

    /** "1–100 of 2,345 found · 100,000 contacts", for above the list. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** A sentence when the contacts could not be read, else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean hasNextPage() {
        return offset.get() + PAGE < found.get();
    }

    public boolean hasPreviousPage() {
        return offset.get() > 0;
    }

    public CompletableFuture<Void> nextPage() {
        if (!hasNextPage()) {
            return CompletableFuture.completedFuture(null);
        }
        offset.set(offset.get() + PAGE);
        return refresh();
    }

    public CompletableFuture<Void> previousPage() {
        if (!hasPreviousPage()) {
            return CompletableFuture.completedFuture(null);
        }
        offset.set(Math.max(0, offset.get() - PAGE));
        return refresh();
    }

    public void clearFilters() {
        tag.set("");
        standing.set(Standing.ANY);
        lang.set("");
        city.set("");
    }

    public ContactFilter filter() {
        return new ContactFilter(tag.get(), standing.get(), lang.get(), city.get());
    }

    private record Page(List<Contact> rows, int found, int total) {
    }

    /** Reads the page shown again, with the counts (after typing, a filter, a change). */
    public CompletableFuture<Void> refresh() {
        debouncer.cancel();
        Workspace ws = workspace.get();
        if (ws == null) {
            return CompletableFuture.completedFuture(null);
        }
        long mine = ++generation;
        String q = query.get();
        Sql where = filter().toSql(segment.get());
        int from = offset.get();
        loading.set(true);
        return workers.onWorkspace("searching contacts", () -> {
            Contacts contacts = ws.audience().contacts();
            int n = contacts.count(q, where);
            // A page that emptied (the last contact of it erased) falls back to the last full one.
            int start = from >= n && n > 0 ? ((n - 1) / PAGE) * PAGE : from;
            return new Page(contacts.search(q, where, start, PAGE), n, contacts.count());
        }).handle((page, t) -> {
            if (mine != generation) {
                return null;
            }
            loading.set(false);
            if (t != null) {
                problem.set(format("contacts.loadFailed", Problems.describe(t, text, locale)));
                return null;
            }
            problem.set("");
            if (from >= page.found() && page.found() > 0) {
                offset.set(((page.found() - 1) / PAGE) * PAGE);
            }
            rows.setAll(page.rows());
            found.set(page.found());
            total.set(page.total());
            summary.set(summarize(page));
            return null;
        });
    }

    /** Reads the tags, languages and cities to offer in the filters. */
    public CompletableFuture<Void> refreshFacets() {
        Workspace ws = workspace.get();
        if (ws == null) {
            return CompletableFuture.completedFuture(null);
        }
        return workers.onWorkspace("reading contact filters", () -> ContactFacets.of(ws.audience()))
                .handle((f, t) -> {
                    if (t == null) {
                        facets.set(f);
                    }
                    return null;
                });
    }

    /** Everything read again: after an add, an erase, an import. */
    public CompletableFuture<Void> reload() {
        return refreshFacets().thenCompose(x -> refresh());
    }

    private String summarize(Page page) {
        if (page.total() == 0) {
            return text.getString("contacts.summary.none");
        }
        if (page.found() == 0) {
            return format("contacts.summary.noMatch", page.total());
        }
        int first = offset.get() + 1;
        int last = offset.get() + page.rows().size();
        return format("contacts.summary.page", first, last, page.found(), page.total());
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
