package io.github.jetcdctl.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The TLS files one connection uses, read once: the TLS context is built from these very bytes, and a kept
 * context or channel is found by their digest (a file changed since means a new one). Only the files the
 * settings use are read (no --cacert with --insecure-skip-tls-verify); a file that cannot be read fails when
 * the context is built, in the order the files are used, so the first error is the one a build from the paths
 * would meet.
 */
final class TlsFiles {
    private final ConnectionSettings settings;
    private final Pem cacert;
    private final Pem cert;
    private final Pem key;

    private TlsFiles(ConnectionSettings settings, Pem cacert, Pem cert, Pem key) {
        this.settings = settings;
        this.cacert = cacert;
        this.cert = cert;
        this.key = key;
    }

    /** One file's path and bytes, or why it could not be read. */
    record Pem(String path, byte[] bytes, TlsConfigException unreadable) {
        static final Pem NONE = new Pem("", null, null);

        static Pem read(String path) {
            if (path.isEmpty()) {
                return NONE;
            }
            try {
                return new Pem(path, PemFiles.read(path), null);
            } catch (TlsConfigException e) {
                return new Pem(path, null, e);
            }
        }

        boolean given() {
            return !path.isEmpty();
        }

        byte[] bytesOrFail() throws TlsConfigException {
            if (unreadable != null) {
                throw unreadable;
            }
            return bytes;
        }

        private String sha256() {
            if (bytes == null) {
                return "";
            }
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        /** Never the bytes: a key file's contents must not reach a log or an exception message. */
        @Override
        public String toString() {
            return "Pem[" + path + "]";
        }
    }

    /**
     * What identifies a TLS context built from these files: each path with the SHA-256 of the bytes read now,
     * whether the server's certificate is checked at all. Holds no secret (a digest of a key does not give
     * the key back).
     */
    record Fingerprint(boolean skipVerify, String cacert, String cacertSha256, String cert, String certSha256, String key,
            String keySha256) {
    }

    static TlsFiles read(ConnectionSettings s) throws TlsConfigException {
        SslContexts.requireCertAndKeyTogether(s);
        Pem cacert = s.insecureSkipTlsVerify() ? Pem.NONE : Pem.read(s.cacert());
        return new TlsFiles(s, cacert, Pem.read(s.cert()), Pem.read(s.key()));
    }

    ConnectionSettings settings() {
        return settings;
    }

    Pem cacertFile() {
        return cacert;
    }

    Pem certFile() {
        return cert;
    }

    Pem keyFile() {
        return key;
    }

    Fingerprint fingerprint() {
        return new Fingerprint(settings.insecureSkipTlsVerify(), cacert.path(), cacert.sha256(), cert.path(), cert.sha256(),
                key.path(), key.sha256());
    }
}
