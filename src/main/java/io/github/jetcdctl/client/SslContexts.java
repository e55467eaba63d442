package io.github.jetcdctl.client;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;

/**
 * Builds the Netty {@link SslContext} of the gRPC channel (gRPC's shaded Netty, see README: transport).
 * Error texts follow etcdctl's for the common mistakes.
 */
final class SslContexts {
    private SslContexts() {
    }

    static SslContext forSettings(ConnectionSettings s) throws TlsConfigException {
        return forFiles(TlsFiles.read(s));
    }

    /** The context of the settings the files were read for, from the bytes read (never the files again). */
    static SslContext forFiles(TlsFiles files) throws TlsConfigException {
        // The JDK's TLS, named explicitly: left to choose, gRPC and Netty probe for OpenSSL (netty-tcnative), whose
        // System.loadLibrary call alone makes JDK 24+ print restricted-method warnings, and we ship no tcnative.
        SslContextBuilder builder = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK);
        if (files.settings().insecureSkipTlsVerify()) {
            builder.trustManager(new TrustEverything());
        } else if (files.cacertFile().given()) {
            TlsFiles.Pem cacert = files.cacertFile();
            List<X509Certificate> roots = PemFiles.caCertificates(cacert.path(), cacert.bytesOrFail());
            builder.trustManager(roots.toArray(new X509Certificate[0]));
        }
        if (files.certFile().given()) {
            TlsFiles.Pem cert = files.certFile();
            TlsFiles.Pem key = files.keyFile();
            List<X509Certificate> chain = PemFiles.clientCertificates(cert.path(), cert.bytesOrFail());
            PrivateKey privateKey = PemFiles.privateKey(key.path(), key.bytesOrFail());
            PemFiles.checkKeyMatches(privateKey, chain.get(0));
            builder.keyManager(new OneKey(privateKey, chain.toArray(new X509Certificate[0])));
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new TlsConfigException(e.getMessage());
        }
    }

    static void requireCertAndKeyTogether(ConnectionSettings s) throws TlsConfigException {
        if (s.cert().isEmpty() != s.key().isEmpty()) {
            throw new TlsConfigException(
                    "KeyFile and CertFile must both be present[key: " + s.key() + ", cert: " + s.cert() + "]");
        }
    }

    private static OneKey clientKey(ConnectionSettings s) throws TlsConfigException {
        List<X509Certificate> chain = PemFiles.clientCertificates(s.cert());
        PrivateKey key = PemFiles.privateKey(s.key());
        PemFiles.checkKeyMatches(key, chain.get(0));
        return new OneKey(key, chain.toArray(new X509Certificate[0]));
    }

    /**
     * The same TLS settings for a plain JDK socket (an HTTPS request to a member's /metrics): the client
     * certificate when given, the --cacert roots (else the system's), or no check with --insecure-skip-tls-verify.
     */
    static SSLContext forHttps(ConnectionSettings s) throws TlsConfigException {
        requireCertAndKeyTogether(s);
        try {
            KeyManager[] keys = null;
            if (!s.cert().isEmpty()) {
                keys = new KeyManager[] {clientKey(s)};
            }
            TrustManager[] trust = null;
            if (s.insecureSkipTlsVerify()) {
                trust = new TrustManager[] {new TrustEverything()};
            } else if (!s.cacert().isEmpty()) {
                KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
                roots.load(null, null);
                int n = 0;
                for (X509Certificate root : PemFiles.caCertificates(s.cacert())) {
                    roots.setCertificateEntry("ca-" + n++, root);
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(roots);
                trust = factory.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsConfigException(e.getMessage());
        }
    }

    /**
     * The client's one key and chain, handed to the TLS engine as they are. Netty would otherwise store them in
     * a PKCS#12 key store, which encrypts the key and decrypts it again with 10,000 rounds of PBKDF2 each way:
     * ~50 ms of a cold JVM's start-up, for a store that never leaves memory.
     */
    private static final class OneKey extends X509ExtendedKeyManager {
        private static final String ALIAS = "client";
        private final PrivateKey key;
        private final X509Certificate[] chain;

        OneKey(PrivateKey key, X509Certificate[] chain) {
            this.key = key;
            this.chain = chain;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain.clone();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }

    /**
     * --insecure-skip-tls-verify: accept any server certificate. It extends X509ExtendedTrustManager because
     * the JDK adds a host-name check around plain X509TrustManagers.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
