package io.github.jetcdctl;

import java.util.List;

import io.github.jetcdctl.testing.TestCertificates;

/** The launcher against one mutual-TLS member, with a PKCS#1 client key (kubeadm's BEGIN RSA PRIVATE KEY). */
class LauncherMutualTlsPkcs1IT extends LauncherMutualTlsPkcs8IT {
    @Override
    List<String> tlsFlags() {
        TestCertificates certs = cluster().certificates();
        return List.of("--cacert=" + certs.caCert(), "--cert=" + certs.clientCert(), "--key=" + certs.clientKeyPkcs1());
    }
}
