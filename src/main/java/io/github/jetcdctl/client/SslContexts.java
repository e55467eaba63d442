package io.github.jetcdctl.client;

import java.net.Socket;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

/**
 * Builds the Netty {@link SslContext} jetcd's TLS API takes (unshaded Netty, see README: transport).
 * Error texts follow etcdctl's for the common mistakes.
 */
final class SslContexts {
    private SslContexts() {
    }

    static SslContext forSettings(ConnectionSettings s) throws TlsConfigException {
        if (s.cert().isEmpty() != s.key().isEmpty()) {
            throw new TlsConfigException(
                    "KeyFile and CertFile must both be present[key: " + s.key() + ", cert: " + s.cert() + "]");
        }
        // The JDK's TLS, named explicitly: left to choose, gRPC and Netty probe for OpenSSL (netty-tcnative), whose
        // System.loadLibrary call alone makes JDK 24+ print restricted-method warnings, and we ship no tcnative.
        SslContextBuilder builder = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK);
        if (s.insecureSkipTlsVerify()) {
            builder.trustManager(new TrustEverything());
        } else if (!s.cacert().isEmpty()) {
            List<X509Certificate> roots = PemFiles.caCertificates(s.cacert());
            builder.trustManager(roots.toArray(new X509Certificate[0]));
        }
        if (!s.cert().isEmpty()) {
            List<X509Certificate> chain = PemFiles.clientCertificates(s.cert());
            PrivateKey key = PemFiles.privateKey(s.key());
            PemFiles.checkKeyMatches(key, chain.get(0));
            builder.keyManager(key, chain.toArray(new X509Certificate[0]));
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new TlsConfigException(e.getMessage());
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
