package org.cristal.library.audience;

import java.util.List;

/**
 * One data row of an import, read: the contact it describes, the consent events it carries (in time order),
 * and whether the provider marked the address as bouncing.
 *
 * @param badDate an opt-in or unsubscribe time that could not be read (reported; a withdrawal still counts)
 */
record ImportRow(int line, ContactDraft draft, List<ConsentEvent> events, boolean bounced, boolean badDate,
        boolean validEmail) {
}
