package io.github.jetcdctl.cli.auth;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * etcdctl 3.7's {@code --auth-jwt-token} against an etcd 3.7 that signs JWT tokens with a key pair made here: the
 * token, fetched by logging in once, is sent in place of a user and password, by the flag or its variable; before
 * 3.7 the flag is unknown.
 */
class JwtTokenFlagGoldenTest {
    private static final Path KEYS = jwtKeyPair();

    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.of(EtcdCluster.builder()
            .binaries(EtcdBinaries.forTest(EtcdBinaries.V3_7))
            .extraArgs("--auth-token=jwt,pub-key=" + KEYS.resolve("jwt.pub") + ",priv-key=" + KEYS.resolve("jwt.key")
                    + ",sign-method=RS256,ttl=10m"));

    static Etcdctl etcdctl;
    static Jetcdctl jetcdctl;
    static String token;

    @BeforeAll
    static void enableAuthenticationAndLogIn() throws Exception {
        etcdctl = Etcdctl.of(ETCD.cluster().binaries()).withGlobalArgs(ETCD.connectionFlags());
        jetcdctl = Jetcdctl.create().forLine("3.7").withGlobalArgs(ETCD.connectionFlags());
        for (List<String> step : List.of(List.of("put", "jwt/a", "1"), List.of("user", "add", "root:rootpw"),
                List.of("user", "grant-role", "root", "root"), List.of("auth", "enable"))) {
            ProcessResult done = etcdctl.run(step);
            assertEquals(0, done.exitCode(), step + ": " + done);
        }
        token = logIn("root", "rootpw");
    }

    @Test
    void theTokenIsSentInsteadOfAUserAndPassword() {
        List<List<String>> cases = List.of(
                List.of("get", "jwt/a"),
                List.of("--auth-jwt-token=" + token, "get", "jwt/a", "-w", "json"),
                List.of("--auth-jwt-token=" + token, "put", "jwt/b", "2"),
                List.of("--auth-jwt-token", token, "get", "jwt/", "--prefix"),
                List.of("--auth-jwt-token=" + token, "user", "list"),
                // the token wins: no password is asked for, a wrong one is not even tried
                List.of("--auth-jwt-token=" + token, "--user=root", "get", "jwt/a"),
                List.of("--auth-jwt-token=" + token, "--user=root:wrong", "get", "jwt/a"),
                List.of("--auth-jwt-token=not-a-jwt", "get", "jwt/a"),
                List.of("--auth-jwt-token=", "get", "jwt/a"));
        for (List<String> args : cases) {
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
        ProcessResult fromVariable = etcdctl.run(List.of("get", "jwt/a"), null,
                Map.of("ETCDCTL_AUTH_JWT_TOKEN", token));
        assertEquals("jwt/a\n1\n", fromVariable.stdoutText(), fromVariable.toString());
        assertSameResult(fromVariable, jetcdctl.withEnv("ETCDCTL_AUTH_JWT_TOKEN", token).run("get", "jwt/a"),
                "ETCDCTL_AUTH_JWT_TOKEN");
    }

    @Test
    void linesBefore37DoNotHaveTheFlag() {
        for (String release : List.of(EtcdBinaries.V3_5, EtcdBinaries.V3_6)) {
            List<String> args = List.of("--auth-jwt-token=" + token, "get", "jwt/a");
            ProcessResult expected = Etcdctl.of(EtcdBinaries.forTest(release)).withGlobalArgs(ETCD.connectionFlags())
                    .run(args);
            ProcessResult actual = Jetcdctl.create().forLine(EtcdBinaries.lineOf(release))
                    .withGlobalArgs(ETCD.connectionFlags()).run(args, null);
            assertEquals(1, expected.exitCode(), expected.toString());
            assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
            assertEquals(expected.stderrText().lines().findFirst(), actual.stderrText().lines().findFirst());
        }
    }

    /** A token as etcd's gRPC gateway hands it out, so that neither tool under test fetches it. */
    private static String logIn(String user, String password) throws IOException, InterruptedException {
        String url = ETCD.cluster().clientUrls().get(0) + "/v3/auth/authenticate";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + user + "\",\"password\":\"" + password
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
        if (!token.find()) {
            throw new AssertionError("no token in " + response.body());
        }
        return token.group(1);
    }

    /** An RSA key pair in PEM files for etcd's JWT signer; made at class load, before the cluster starts. */
    private static Path jwtKeyPair() {
        try {
            Path dir = Files.createTempDirectory("jetcdctl-jwt-");
            dir.toFile().deleteOnExit(); // after the files: deleteOnExit goes in reverse order
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(dir.resolve("jwt.key"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(dir.resolve("jwt.pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            dir.resolve("jwt.key").toFile().deleteOnExit();
            dir.resolve("jwt.pub").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
