package org.cristal.publish.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.OAuthSpec;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;

/**
 * LinkedIn's 3-legged OAuth with the user's own app: the client secret is required even from a desktop app,
 * the redirect URL must match the app's exactly (so a fixed port), and the scope depends on "post as": a
 * member's profile needs only the self-serve products, a page needs the Community Management API, whose
 * scopes LinkedIn refuses on the consent page to an app without it. Asking for them only when the user
 * chose a page keeps the common case working for everyone.
 */
final class LinkedInConnect implements OAuthConnect {
    static final String MEMBER_SCOPE = "openid profile w_member_social";
    static final String PAGE_SCOPE = MEMBER_SCOPE + " w_organization_social r_organization_social r_organization_admin";

    private final Duration timeout;

    LinkedInConnect(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public java.util.Set<String> filledByConnect() {
        return java.util.Set.of(LinkedInPlugin.AUTHOR);
    }

    @Override
    public OAuthSpec spec(ChannelSettings settings) throws PublishException {
        String auth = JsonHttp.base(settings.get(LinkedInPlugin.AUTH, LinkedInPlugin.DEFAULT_AUTH));
        String scope = "page".equals(settings.get(LinkedInPlugin.POST_AS, "me")) ? PAGE_SCOPE : MEMBER_SCOPE;
        return OAuthSpec.of(URI.create(auth + "/oauth/v2/authorization"), URI.create(auth + "/oauth/v2/accessToken"),
                settings.require(LinkedInPlugin.CLIENT_ID), settings.require(LinkedInPlugin.CLIENT_SECRET), scope)
                .fixedPort(settings.getInt(LinkedInPlugin.PORT, LinkedInPlugin.DEFAULT_PORT));
    }

    /**
     * The member ("Name (you)") and, when the account posts as a page, each organisation the member
     * administers ("Name (page)"), in LinkedIn's order after the member.
     */
    @Override
    public Connected connected(ChannelSettings settings, PublishContext context) throws PublishException {
        LinkedInApi api = new LinkedInApi(settings, timeout, context.clock());
        JsonNode me = api.userinfo();
        String sub = api.http().field(me, "sub");
        String name = me.path("name").asText(sub);
        List<Connected.Target> targets = new ArrayList<>();
        targets.add(new Connected.Target(Urns.PERSON + sub,
                LinkedInApi.text("publish.linkedin.you", name).get(context.locale()), Map.of()));
        if ("page".equals(settings.get(LinkedInPlugin.POST_AS, "me"))) {
            JsonNode acls = api.get("/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED");
            for (JsonNode acl : acls.path("elements")) {
                String org = acl.path("organization").asText("");
                if (Urns.isAuthor(org) && org.startsWith(Urns.ORGANIZATION)) {
                    targets.add(new Connected.Target(org, LinkedInApi.text("publish.linkedin.page",
                            organizationName(api, org)).get(context.locale()), Map.of()));
                }
            }
        }
        return new Connected(LinkedInApi.text("publish.linkedin.who", name), LinkedInPlugin.AUTHOR, targets, null,
                null);
    }

    /** An organisation's name as its page shows it. */
    static String organizationName(LinkedInApi api, String urn) throws PublishException {
        JsonNode org = api.get("/rest/organizations/" + Urns.organizationId(urn));
        return org.path("localizedName").asText(Urns.organizationId(urn));
    }
}
