package org.cristal.library.audience;

import java.util.regex.Pattern;

/** What Cristal accepts as a contact's e-mail address: one mailbox, a domain with a dot, no spaces. */
public final class Emails {
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9\\p{L}]([A-Za-z0-9\\p{L}-]{0,62}[A-Za-z0-9\\p{L}])?"
                    + "(\\.[A-Za-z0-9\\p{L}]([A-Za-z0-9\\p{L}-]{0,62}[A-Za-z0-9\\p{L}])?)+");

    private Emails() {
    }

    public static boolean valid(String address) {
        if (address == null || address.length() > 254) {
            return false;
        }
        String a = address.strip();
        if (!ADDRESS.matcher(a).matches()) {
            return false;
        }
        String local = a.substring(0, a.indexOf('@'));
        return !local.startsWith(".") && !local.endsWith(".") && !local.contains("..");
    }
}
