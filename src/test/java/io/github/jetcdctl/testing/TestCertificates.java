package io.github.jetcdctl.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A throw-away PKI generated at test time with BouncyCastle, written as PEM files into a
 * directory:
 * <ul>
 *   <li>{@code ca.pem} / {@code ca-key.pem}: the CA that signs everything below;</li>
 *   <li>{@code server.pem} / {@code server-key.pem}: etcd's certificate, SANs IP 127.0.0.1 and
 *       DNS localhost (and any extra DNS names given), usable for server and client auth (peers);</li>
 *   <li>{@code client.pem} (CN {@value #CLIENT_COMMON_NAME}) with its RSA key as PKCS#8
 *       {@code client-key.pem} ({@code BEGIN PRIVATE KEY}) and PKCS#1
 *       {@code client-key-pkcs1.pem} ({@code BEGIN RSA PRIVATE KEY}, what kubeadm writes);</li>
 *   <li>{@code client-ec.pem} / {@code client-ec-key.pem}: an EC P-256 client certificate with
 *       a SEC1 key ({@code BEGIN EC PRIVATE KEY});</li>
 *   <li>{@code other-ca.pem} / {@code other-ca-key.pem}: an unrelated CA, and
 *       {@code other-client.pem} / {@code other-client-key.pem} signed by it (wrong-CA tests).</li>
 * </ul>
 * Certificates are valid from one hour ago for {@link #VALIDITY}. The key pairs are generated once
 * per JVM and reused; the certificates are issued anew on every {@link #generate(Path)}.
 */
public final class TestCertificates {

    public static final String CLIENT_COMMON_NAME = "root";
    public static final Duration VALIDITY = Duration.ofDays(2);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path directory;

    private TestCertificates(Path directory) {
        this.directory = directory;
    }

    /** Generates a fresh set of certificates and keys into {@code directory} (created if needed). */
    public static TestCertificates generate(Path directory) {
        return generate(directory, List.of());
    }

    /** As {@link #generate(Path)}, with more DNS names in etcd's certificate (e.g. for DNS discovery). */
    public static TestCertificates generate(Path directory, List<String> extraServerDnsNames) {
        try {
            Files.createDirectories(directory);
            TestCertificates t = new TestCertificates(directory);

            KeyPair caKeys = Keys.caKeys;
            X500Name caName = new X500Name("CN=jetcdctl test CA,O=jetcdctl");
            X509Certificate ca = sign(caName, caKeys.getPublic(), caName, caKeys, null, true, null, null);
            writePem(t.caCert(), ca);
            writePkcs8(t.caKey(), caKeys.getPrivate());

            KeyPair serverKeys = Keys.serverKeys;
            X509Certificate server = sign(new X500Name("CN=etcd-server,O=jetcdctl"), serverKeys.getPublic(),
                    caName, caKeys, ca, false,
                    serverNames(extraServerDnsNames),
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth});
            writePem(t.serverCert(), server);
            writePkcs8(t.serverKey(), serverKeys.getPrivate());

            KeyPair clientKeys = Keys.clientKeys;
            X509Certificate client = sign(new X500Name("CN=" + CLIENT_COMMON_NAME), clientKeys.getPublic(),
                    caName, caKeys, ca, false, null, new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth});
            writePem(t.clientCert(), client);
            writePkcs8(t.clientKey(), clientKeys.getPrivate());
            writePem(t.clientKeyPkcs1(), clientKeys.getPrivate()); // traditional: BEGIN RSA PRIVATE KEY

            KeyPair ecKeys = Keys.ecKeys;
            X509Certificate ecClient = sign(new X500Name("CN=" + CLIENT_COMMON_NAME), ecKeys.getPublic(),
                    caName, caKeys, ca, false, null, new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth});
            writePem(t.clientEcCert(), ecClient);
            writeSec1(t.clientEcKey(), ecKeys); // BEGIN EC PRIVATE KEY

            KeyPair otherCaKeys = Keys.otherCaKeys;
            X500Name otherCaName = new X500Name("CN=unrelated test CA,O=elsewhere");
            X509Certificate otherCa = sign(otherCaName, otherCaKeys.getPublic(), otherCaName, otherCaKeys, null,
                    true, null, null);
            writePem(t.otherCaCert(), otherCa);
            writePkcs8(t.otherCaKey(), otherCaKeys.getPrivate());

            KeyPair otherClientKeys = Keys.otherClientKeys;
            X509Certificate otherClient = sign(new X500Name("CN=" + CLIENT_COMMON_NAME),
                    otherClientKeys.getPublic(), otherCaName, otherCaKeys, otherCa, false, null,
                    new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth});
            writePem(t.otherClientCert(), otherClient);
            writePkcs8(t.otherClientKey(), otherClientKeys.getPrivate());
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate test certificates", e);
        }
    }

    public Path directory() {
        return directory;
    }

    private static GeneralNames serverNames(List<String> extraDnsNames) {
        List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")));
        for (String name : extraDnsNames) {
            names.add(new GeneralName(GeneralName.dNSName, name));
        }
        return new GeneralNames(names.toArray(new GeneralName[0]));
    }

    public Path caCert() {
        return directory.resolve("ca.pem");
    }

    public Path caKey() {
        return directory.resolve("ca-key.pem");
    }

    public Path serverCert() {
        return directory.resolve("server.pem");
    }

    public Path serverKey() {
        return directory.resolve("server-key.pem");
    }

    /** Client certificate, CN {@value #CLIENT_COMMON_NAME}, RSA. */
    public Path clientCert() {
        return directory.resolve("client.pem");
    }

    /** Client RSA key, PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    public Path clientKey() {
        return directory.resolve("client-key.pem");
    }

    /** The same client RSA key, PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). */
    public Path clientKeyPkcs1() {
        return directory.resolve("client-key-pkcs1.pem");
    }

    /** EC P-256 client certificate, CN {@value #CLIENT_COMMON_NAME}. */
    public Path clientEcCert() {
        return directory.resolve("client-ec.pem");
    }

    /** EC client key, SEC1 ({@code BEGIN EC PRIVATE KEY}). */
    public Path clientEcKey() {
        return directory.resolve("client-ec-key.pem");
    }

    /** A CA that signed neither etcd's nor the client's certificate. */
    public Path otherCaCert() {
        return directory.resolve("other-ca.pem");
    }

    public Path otherCaKey() {
        return directory.resolve("other-ca-key.pem");
    }

    /** A client certificate (CN {@value #CLIENT_COMMON_NAME}) signed by the unrelated CA. */
    public Path otherClientCert() {
        return directory.resolve("other-client.pem");
    }

    public Path otherClientKey() {
        return directory.resolve("other-client-key.pem");
    }

    @Override
    public String toString() {
        return "TestCertificates[" + directory + "]";
    }

    // ---------------------------------------------------------------------------------------

    /**
     * Key pairs are made once per JVM (RSA key generation is slow); every {@link #generate} call
     * still issues fresh certificates for them.
     */
    private static final class Keys {
        static final KeyPair caKeys = rsaUnchecked();
        static final KeyPair serverKeys = rsaUnchecked();
        static final KeyPair clientKeys = rsaUnchecked();
        static final KeyPair ecKeys = ecUnchecked();
        static final KeyPair otherCaKeys = rsaUnchecked();
        static final KeyPair otherClientKeys = rsaUnchecked();

        private static KeyPair rsaUnchecked() {
            try {
                return rsa();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static KeyPair ecUnchecked() {
            try {
                return ec();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, RANDOM);
        return g.generateKeyPair();
    }

    private static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, PublicKey subjectKey, X500Name issuer, KeyPair issuerKeys,
                                        X509Certificate issuerCert, boolean isCa, GeneralNames sans,
                                        KeyPurposeId[] eku)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, subjectKey);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
        if (issuerCert != null) {
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
        }
        if (isCa) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        }
        if (sans != null) {
            b.addExtension(Extension.subjectAlternativeName, false, sans);
        }
        if (eku != null) {
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku));
        }
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    private static void writePem(Path file, Object object) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(object);
        }
        write(file, s.toString());
    }

    private static void writePkcs8(Path file, PrivateKey key) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(new JcaPKCS8Generator(key, null));
        }
        write(file, s.toString());
    }

    /** SEC1 (RFC 5915) with the named curve and the public key, as openssl and Go write it. */
    private static void writeSec1(Path file, KeyPair keys) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        SubjectPublicKeyInfo pub = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
        BigInteger d = ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS();
        ECPrivateKey sec1 = new ECPrivateKey(256, d, pub.getPublicKeyData(), curve);
        StringWriter s = new StringWriter();
        try (PemWriter w = new PemWriter(s)) {
            w.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded("DER")));
        }
        write(file, s.toString());
    }

    private static void write(Path file, String pem) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write(pem);
        }
    }
}
