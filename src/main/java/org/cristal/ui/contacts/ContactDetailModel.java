package org.cristal.ui.contacts;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.StorySummary;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentLedger;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ConsentRecord;
import org.cristal.library.audience.Contact;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Purpose;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * One contact on the contacts screen: the form of their fields, their consent history (newest first) with
 * a form to record a new consent, every message Cristal sent them, and erasure. A new contact is the same
 * form with no one selected.
 */
public final class ContactDetailModel {
    /** A message sent to the contact, with its story's title as the user knows it. */
    public record Message(String storyTitle, Delivery delivery) {
    }

    private record Loaded(Contact contact, List<ConsentRecord> consents, List<Message> messages) {
    }

    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final ResourceBundle text;
    private final Locale locale;
    private final ReadOnlyObjectWrapper<Contact> contact = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final ContactForm form = new ContactForm();
    private final ObservableList<ConsentRecord> consents = FXCollections.observableArrayList();
    private final ObservableList<Message> messages = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    // The consent form.
    private final ObjectProperty<ContactChannel> channel = new SimpleObjectProperty<>(ContactChannel.EMAIL);
    private final ObjectProperty<Purpose> purpose = new SimpleObjectProperty<>(Purpose.MARKETING);
    private final BooleanProperty grant = new SimpleBooleanProperty(true);
    private final ObjectProperty<ConsentMethod> method = new SimpleObjectProperty<>(ConsentMethod.IN_PERSON);
    private final StringProperty proof = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper consentProblem = new ReadOnlyStringWrapper("");
    private long generation;

    public ContactDetailModel(Workers workers, Supplier<Workspace> workspace, ResourceBundle text, Locale locale) {
        this.workers = workers;
        this.workspace = workspace;
        this.text = text;
        this.locale = locale;
        proof.addListener((o, a, b) -> consentProblem.set(""));
        grant.addListener((o, a, b) -> consentProblem.set(""));
    }

    /** The contact shown, null for none or a new one. */
    public ReadOnlyObjectProperty<Contact> contactProperty() {
        return contact.getReadOnlyProperty();
    }

    /** True while the form is open: a contact chosen, or a new one being written. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ContactForm form() {
        return form;
    }

    /** The consent ledger of the contact, newest first. */
    public ObservableList<ConsentRecord> consents() {
        return consents;
    }

    /** What Cristal sent them, newest first. */
    public ObservableList<Message> messages() {
        return messages;
    }

    /** Why the form could not be saved, else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObjectProperty<ContactChannel> channelProperty() {
        return channel;
    }

    public ObjectProperty<Purpose> purposeProperty() {
        return purpose;
    }

    /** True to record a grant, false a withdrawal. */
    public BooleanProperty grantProperty() {
        return grant;
    }

    public ObjectProperty<ConsentMethod> methodProperty() {
        return method;
    }

    /** What the person agreed to, and how (required for a grant): the proof kept in the ledger. */
    public StringProperty proofProperty() {
        return proof;
    }

    public ReadOnlyStringProperty consentProblemProperty() {
        return consentProblem.getReadOnlyProperty();
    }

    /** Shows {@code id} (null: nobody). */
    public CompletableFuture<Void> show(Contact c) {
        long mine = ++generation;
        problem.set("");
        consentProblem.set("");
        if (c == null) {
            contact.set(null);
            editing.set(false);
            consents.clear();
            messages.clear();
            return CompletableFuture.completedFuture(null);
        }
        contact.set(c);
        form.fill(c);
        editing.set(true);
        Workspace ws = workspace.get();
        return workers.onWorkspace("reading a contact", () -> load(ws, c.id())).handle((loaded, t) -> {
            if (mine != generation) {
                return null;
            }
            if (t != null) {
                problem.set(Problems.describe(t, text, locale));
                return null;
            }
            // What the user typed since the form was filled stays, unless the contact changed meanwhile.
            if (!loaded.contact().equals(contact.get())) {
                contact.set(loaded.contact());
                form.fill(loaded.contact());
            }
            consents.setAll(loaded.consents());
            messages.setAll(loaded.messages());
            return null;
        });
    }

    private static Loaded load(Workspace ws, long id) {
        Contact c = ws.audience().contacts().get(id).orElseThrow(
                () -> new org.cristal.library.WorkspaceException("audience.error.noContact"));
        List<ConsentRecord> ledger = new ArrayList<>(ws.audience().consents().history(id));
        Collections.reverse(ledger);
        List<Delivery> sent = ws.audience().deliveries().of(id);
        Map<String, String> titles = new HashMap<>();
        if (!sent.isEmpty()) {
            for (StorySummary s : ws.stories().list()) {
                titles.put(s.id(), s.title());
            }
        }
        List<Message> out = new ArrayList<>();
        for (Delivery d : sent) {
            out.add(new Message(titles.getOrDefault(d.storyId(), d.storyId()), d));
        }
        return new Loaded(c, ledger, out);
    }

    /** An empty form for someone new; {@code source} says where they came from ("added by hand"). */
    public void startNew() {
        ++generation;
        contact.set(null);
        form.clear(text.getString("contacts.source.manual"));
        consents.clear();
        messages.clear();
        problem.set("");
        consentProblem.set("");
        editing.set(true);
    }

    /**
     * Saves the form: a new contact is created, an existing one replaced by what the form says. Completes
     * with the saved contact, or null when it was refused (the reason in {@link #problemProperty}).
     */
    public CompletableFuture<Contact> save() {
        if (form.fieldsUnreadable()) {
            problem.set(text.getString("contacts.form.fieldsFormat"));
            return CompletableFuture.completedFuture(null);
        }
        Workspace ws = workspace.get();
        Contact before = contact.get();
        var draft = form.draft();
        problem.set("");
        return workers.onWorkspace("saving a contact", () -> before == null
                ? ws.audience().contacts().save(draft).contact()
                : ws.audience().contacts().replace(before.id(), draft)).handle((saved, t) -> {
                    if (t != null) {
                        problem.set(Problems.describe(t, text, locale));
                        return null;
                    }
                    show(saved);
                    return saved;
                });
    }

    /**
     * Records a consent for the contact shown. A grant needs its proof: what the person agreed to and how;
     * refused with a sentence under the field otherwise. Completes with true once recorded.
     */
    public CompletableFuture<Boolean> recordConsent() {
        Contact c = contact.get();
        if (c == null) {
            return CompletableFuture.completedFuture(false);
        }
        String why = proof.get() == null ? "" : proof.get().strip();
        if (grant.get() && why.isEmpty()) {
            consentProblem.set(text.getString("contacts.consent.proofRequired"));
            return CompletableFuture.completedFuture(false);
        }
        Workspace ws = workspace.get();
        ConsentEvent event = new ConsentEvent(channel.get(), purpose.get(), grant.get(),
                ws.audience().clock().instant(), method.get(), text.getString("contacts.source.studio"), "", why);
        return workers.onWorkspace("recording a consent", () -> ws.audience().consents().record(c.id(), event))
                .handle((r, t) -> {
                    if (t != null) {
                        consentProblem.set(Problems.describe(t, text, locale));
                        return false;
                    }
                    if (r == ConsentLedger.Result.REFUSED_WITHDRAWN) {
                        consentProblem.set(text.getString("contacts.consent.refused"));
                        return false;
                    }
                    proof.set("");
                    show(c);
                    return true;
                });
    }

    /** Writes everything held about the contact shown (GDPR) to a new folder in {@code parent}; completes with it. */
    public CompletableFuture<java.nio.file.Path> exportData(java.nio.file.Path parent) {
        Contact c = contact.get();
        if (c == null) {
            return CompletableFuture.completedFuture(null);
        }
        Workspace ws = workspace.get();
        return workers.onWorkspace("exporting a contact's data", () -> {
            // A folder of its own, never over an earlier export.
            java.nio.file.Path dir = parent.resolve("contact-" + c.id());
            for (int n = 2; java.nio.file.Files.exists(dir); n++) {
                dir = parent.resolve("contact-" + c.id() + "-" + n);
            }
            new org.cristal.library.audience.ContactDump(ws.audience()).write(c.email(), dir);
            return dir;
        });
    }

    /** The confirmation asked before erasing: who goes, what goes, what stays. */
    public String eraseQuestion() {
        Contact c = contact.get();
        if (c == null) {
            return "";
        }
        String who = c.fullName().isEmpty() ? c.email() : c.fullName() + " <" + c.email() + ">";
        return new MessageFormat(text.getString("contacts.erase.question"), locale)
                .format(new Object[] {who, consents.size(), messages.size()});
    }

    /** Erases the contact shown (GDPR): completes with true once erased; the form closes. */
    public CompletableFuture<Boolean> erase() {
        Contact c = contact.get();
        if (c == null) {
            return CompletableFuture.completedFuture(false);
        }
        Workspace ws = workspace.get();
        return workers.onWorkspace("erasing a contact", () -> ws.audience().forget(c.email())).handle((done, t) -> {
            if (t != null) {
                problem.set(Problems.describe(t, text, locale));
                return false;
            }
            show(null);
            return true;
        });
    }
}
