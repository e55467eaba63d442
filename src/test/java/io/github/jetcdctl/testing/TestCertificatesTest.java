package io.github.jetcdctl.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificatesTest {

    @Test
    void writesTheExpectedPemKinds(@TempDir Path dir) throws IOException {
        TestCertificates c = TestCertificates.generate(dir);
        assertTrue(Files.readString(c.caCert()).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(Files.readString(c.serverCert()).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(Files.readString(c.clientKey()).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(c.clientKeyPkcs1()).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertTrue(Files.readString(c.clientEcKey()).startsWith("-----BEGIN EC PRIVATE KEY-----"));
        assertTrue(Files.readString(c.otherCaCert()).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(Files.readString(c.otherClientKey()).startsWith("-----BEGIN PRIVATE KEY-----"));
    }
}
