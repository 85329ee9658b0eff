package org.cristal.publish.oauth;

import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/** Messages of this package, from Cristal's publishing bundle. */
final class OAuthText {
    private OAuthText() {
    }

    static LocalText of(String key, Object... args) {
        return LocalText.fromBundle(PublishException.BUNDLE, key, args);
    }
}
