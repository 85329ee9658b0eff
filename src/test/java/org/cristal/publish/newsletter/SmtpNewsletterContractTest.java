package org.cristal.publish.newsletter;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cristal.publish.PluginContractTest;
import org.cristal.publish.TestContext;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The newsletter plugin keeps the plugin contract, against GreenMail (a real SMTP server) on loopback. */
class SmtpNewsletterContractTest extends PluginContractTest {
    private GreenMail mail;
    private NewsletterContacts contacts;

    @BeforeEach
    void start() throws IOException {
        mail = NewsletterFixture.startServer();
        Path dir = Files.createTempDirectory("contract-newsletter");
        contacts = new NewsletterContacts(dir);
        contacts.people(2);
    }

    @AfterEach
    void stop() {
        mail.stop();
        contacts.close();
    }

    @Override
    protected TestContext context() {
        return contacts.context();
    }

    @Override
    protected ChannelPlugin plugin() {
        return new SmtpNewsletterPlugin(NewsletterFixture.FAST);
    }

    @Override
    protected ChannelSettings workingSettings() {
        return NewsletterFixture.secret(NewsletterFixture.settings(mail.getSmtp().getPort()));
    }

    @Override
    protected ChannelSettings failingSettings() {
        return workingSettings().with("password", "wrong-Pa55-contract-9");
    }

    @Override
    protected int delivered() {
        return mail.getReceivedMessages().length;
    }
}
