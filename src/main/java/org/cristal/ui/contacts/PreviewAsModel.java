package org.cristal.ui.contacts;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.publish.Publisher;
import org.cristal.publish.newsletter.ContactPreview;
import org.cristal.publish.spi.PublishException;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * The open story's newsletter as one contact will read it: their merge fields (or the fallbacks), their own
 * unsubscribe link. Rendered by the newsletter account that sends to contacts; nothing is sent.
 */
public final class PreviewAsModel {
    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final Supplier<Publisher> publisher;
    private final ResourceBundle text;
    private final Locale locale;
    private final ReadOnlyObjectWrapper<ContactPreview.Preview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public PreviewAsModel(Workers workers, Supplier<Workspace> workspace, Supplier<Publisher> publisher,
            ResourceBundle text, Locale locale) {
        this.workers = workers;
        this.workspace = workspace;
        this.publisher = publisher;
        this.text = text;
        this.locale = locale;
    }

    public ReadOnlyObjectProperty<ContactPreview.Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why there is nothing to show (no story open, no newsletter account, …), else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Renders story {@code storyId} ("" when none is open) as contact {@code contactId} reads it. */
    public CompletableFuture<Void> show(String storyId, long contactId) {
        preview.set(null);
        if (storyId == null || storyId.isEmpty()) {
            problem.set(text.getString("contacts.preview.noStory"));
            return CompletableFuture.completedFuture(null);
        }
        Workspace ws = workspace.get();
        Publisher p = publisher.get();
        problem.set("");
        return workers.onWorkspace("previewing as a contact", () -> {
            for (ChannelAccount a : ws.channelAccounts().list()) {
                boolean toContacts = p.plugins().find(a.plugin()).map(x -> x.reachesContacts()).orElse(false);
                if (a.enabled() && toContacts) {
                    return p.previewAsContact(storyId, a.id(), contactId);
                }
            }
            return null;
        }).handle((shown, t) -> {
            if (t instanceof PublishException e) {
                problem.set(e.message(locale));
            } else if (t instanceof org.cristal.publish.PublisherException e) {
                problem.set(e.text().get(locale));
            } else if (t != null) {
                problem.set(Problems.describe(t, text, locale));
            } else if (shown == null) {
                problem.set(text.getString("contacts.preview.noAccount"));
            } else {
                preview.set(shown);
            }
            return null;
        });
    }
}
