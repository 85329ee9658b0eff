package org.cristal.publish.audience;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cristal.library.Workspace;
import org.cristal.publish.SecretStore;
import org.cristal.publish.SecretStoreException;

/**
 * Where the unsubscribe mailboxes are kept: one workspace setting ({@value #SETTING}, JSON by account) for
 * what is not secret, the secret store (account {@code mailbox:<account>}, key {@value #PASSWORD}) for the
 * password. Apart from the SMTP account's own settings so that sending and reading can change independently
 * (docs/unsubscribes.md, "Reading unsubscribes back").
 */
public final class Mailboxes {
    static final String SETTING = "audience.mailboxes";
    static final String PASSWORD = "password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workspace workspace;
    private final SecretStore secrets;

    public Mailboxes(Workspace workspace, SecretStore secrets) {
        this.workspace = workspace;
        this.secrets = secrets;
    }

    public List<Mailbox> list() {
        List<Mailbox> out = new ArrayList<>();
        all().forEach((account, s) -> out.add(new Mailbox(account, s.get("host"), parsePort(s.get("port")),
                s.get("security"), s.get("user"), s.get("folder"),
                Mailbox.Processed.of(s.get("processed")).orElse(Mailbox.Processed.SEEN))));
        return out;
    }

    public Optional<Mailbox> get(String account) {
        return list().stream().filter(m -> m.account().equalsIgnoreCase(account)).findFirst();
    }

    /**
     * Saves the mailbox; a non-blank {@code password} replaces the stored one, null leaves it as it is.
     *
     * @throws SyncException a setting that cannot be used, in words
     */
    public void save(Mailbox m, String password) throws SecretStoreException, SyncException {
        java.util.Optional<String[]> problem = m.problem();
        if (problem.isPresent()) {
            throw SyncException.of(problem.get()[0], problem.get()[1]);
        }
        if (password != null && !password.isBlank()) {
            secrets.put(secretAccount(m.account()), PASSWORD, password);
        }
        Map<String, Map<String, String>> all = all();
        all.put(m.account(), Map.of("host", m.host(), "port", Integer.toString(m.port()), "security", m.security(),
                "user", m.user(), "folder", m.folder(), "processed", m.processed().id()));
        write(all);
    }

    public void remove(String account) throws SecretStoreException {
        secrets.remove(secretAccount(account), PASSWORD);
        Map<String, Map<String, String>> all = all();
        all.remove(account);
        write(all);
        workspace.setSetting(ImapReader.watermarkKey(account), "");
    }

    Optional<String> password(Mailbox m) throws SecretStoreException {
        return secrets.get(secretAccount(m.account()), PASSWORD);
    }

    Workspace workspace() {
        return workspace;
    }

    static String secretAccount(String account) {
        return "mailbox:" + account;
    }

    private Map<String, Map<String, String>> all() {
        String json = workspace.setting(SETTING).orElse("");
        if (json.isBlank()) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(json, new TypeReference<Map<String, Map<String, String>>>() { }));
        } catch (JsonProcessingException e) {
            // A hand-edited file: the mailboxes are to be set again, nothing else is lost.
            return new TreeMap<>();
        }
    }

    private void write(Map<String, Map<String, String>> all) {
        try {
            workspace.setSetting(SETTING, JSON.writeValueAsString(all));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int parsePort(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
