package io.github.jetcdctl.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialWordsTest {
    @Test
    void linesWithASecretAreRecognised() {
        assertTrue(CredentialWords.anyIn(new String[] {"--user", "root:pw", "get", "k"}));
        assertTrue(CredentialWords.anyIn(new String[] {"--user=root", "--password=pw", "get", "k"}));
        assertTrue(CredentialWords.anyIn(new String[] {"get", "k", "--auth-jwt-token", "t"}));
        assertTrue(CredentialWords.anyIn(new String[] {"user", "add", "alice:secret"}));
        assertTrue(CredentialWords.anyIn(new String[] {"user", "add", "alice", "--new-user-password=s"}));
    }

    @Test
    void otherLinesAreNot() {
        assertFalse(CredentialWords.anyIn(new String[] {"get", "k"}));
        assertFalse(CredentialWords.anyIn(new String[] {"--endpoints=a:2379", "put", "users/x", "v"}));
        assertFalse(CredentialWords.anyIn(new String[] {"get", "--username-like-key"}));
    }
}
