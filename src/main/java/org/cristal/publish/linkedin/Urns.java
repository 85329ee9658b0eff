package org.cristal.publish.linkedin;

/** The URNs LinkedIn names a post's author with. */
final class Urns {
    static final String PERSON = "urn:li:person:";
    static final String ORGANIZATION = "urn:li:organization:";

    private Urns() {
    }

    /** A member or an organisation, with an id after the prefix. */
    static boolean isAuthor(String urn) {
        return urn.matches("urn:li:(person|organization):[A-Za-z0-9_-]+");
    }

    /** The numeric id of an organisation URN. */
    static String organizationId(String urn) {
        return urn.substring(ORGANIZATION.length());
    }
}
