package io.github.jetcdctl.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and private keys with only the JDK. Besides PKCS#8 it accepts the PKCS#1
 * {@code RSA PRIVATE KEY} form that kubeadm writes and the SEC1 {@code EC PRIVATE KEY} form openssl writes,
 * by wrapping them into PKCS#8, which is all the JDK's key factories read.
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ENCRYPTION_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02,
        0x01};

    private PemFiles() {
    }

    /** Reads a file the way Go's os.ReadFile reports failures ({@code open f: no such file or directory}). */
    public static byte[] read(String path) throws TlsConfigException {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (NoSuchFileException e) {
            throw new TlsConfigException("open " + path + ": no such file or directory");
        } catch (AccessDeniedException e) {
            throw new TlsConfigException("open " + path + ": permission denied");
        } catch (IOException e) {
            if (Files.isDirectory(Path.of(path))) {
                throw new TlsConfigException("read " + path + ": is a directory");
            }
            throw new TlsConfigException("open " + path + ": " + e.getMessage());
        }
    }

    /** The client certificate chain; Go's wording when the file holds no certificate. */
    public static List<X509Certificate> clientCertificates(String path) throws TlsConfigException {
        return clientCertificates(path, read(path));
    }

    /** The same, from the bytes already read from {@code path} (named in errors). */
    static List<X509Certificate> clientCertificates(String path, byte[] pem) throws TlsConfigException {
        List<X509Certificate> certs = parseCertificates(path, pem);
        if (certs.isEmpty()) {
            throw new TlsConfigException("tls: failed to find any PEM data in certificate input");
        }
        return certs;
    }

    /** A CA bundle. etcdctl silently ignores a bundle without certificates; we say so instead. */
    public static List<X509Certificate> caCertificates(String path) throws TlsConfigException {
        return caCertificates(path, read(path));
    }

    static List<X509Certificate> caCertificates(String path, byte[] pem) throws TlsConfigException {
        List<X509Certificate> certs = parseCertificates(path, pem);
        if (certs.isEmpty()) {
            throw new TlsConfigException("no PEM certificate found in CA file " + path);
        }
        return certs;
    }

    private static List<X509Certificate> parseCertificates(String path, byte[] pem) throws TlsConfigException {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(pem)) {
                if (block.type.equals("CERTIFICATE")) {
                    certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der)));
                }
            }
        } catch (CertificateException e) {
            throw new TlsConfigException("x509: malformed certificate in " + path);
        }
        return certs;
    }

    public static PrivateKey privateKey(String path) throws TlsConfigException {
        return privateKey(path, read(path));
    }

    static PrivateKey privateKey(String path, byte[] pem) throws TlsConfigException {
        for (Block block : blocks(pem)) {
            switch (block.type) {
                case "PRIVATE KEY":
                    return pkcs8(block.der, path);
                case "RSA PRIVATE KEY":
                    return pkcs8(wrapPkcs8(algorithm(RSA_ENCRYPTION_OID, new byte[] {0x05, 0x00}), block.der), path);
                case "EC PRIVATE KEY":
                    return pkcs8(wrapPkcs8(algorithm(EC_PUBLIC_KEY_OID, sec1CurveOid(block.der, path)), block.der),
                            path);
                case "ENCRYPTED PRIVATE KEY":
                    throw new TlsConfigException(path + ": encrypted private keys are not supported");
                default:
                    // other blocks (EC PARAMETERS, certificates) may precede the key
            }
        }
        throw new TlsConfigException("tls: failed to find any PEM data in key input");
    }

    /** Go's tls.X509KeyPair check: the key must belong to the first certificate. */
    public static void checkKeyMatches(PrivateKey key, X509Certificate cert) throws TlsConfigException {
        // An RSA key carries its modulus: comparing it costs nothing, where a probe signature costs ~0.1 s
        // in a cold JVM (as Go's tls.X509KeyPair, which compares the moduli too).
        if (key instanceof RSAPrivateCrtKey rsa && cert.getPublicKey() instanceof RSAPublicKey pub) {
            if (!rsa.getModulus().equals(pub.getModulus())
                    || !rsa.getPublicExponent().equals(pub.getPublicExponent())) {
                throw new TlsConfigException("tls: private key does not match public key");
            }
            return;
        }
        try {
            String algorithm = switch (key.getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default -> key.getAlgorithm();
            };
            byte[] probe = "jetcdctl key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new TlsConfigException("tls: private key does not match public key");
            }
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException("tls: private key does not match public key");
        }
    }

    private static PrivateKey pkcs8(byte[] der, String path) throws TlsConfigException {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException ignored) {
                // try the next algorithm
            }
        }
        throw new TlsConfigException(path + ": unsupported or malformed private key");
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(byte[] pem) throws TlsConfigException {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(new String(pem, StandardCharsets.US_ASCII));
        while (m.find()) {
            String body = m.group(2);
            if (body.contains("Proc-Type:")) {
                throw new TlsConfigException("encrypted PEM blocks are not supported");
            }
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new TlsConfigException("malformed PEM block " + m.group(1));
            }
        }
        return blocks;
    }

    /** The named-curve OID from a SEC1 ECPrivateKey's [0] parameters. */
    private static byte[] sec1CurveOid(byte[] sec1, String path) throws TlsConfigException {
        DerReader outer = new DerReader(sec1);
        DerReader seq = outer.enter(0x30);
        while (seq.hasMore()) {
            int tag = seq.peekTag();
            if (tag == 0xa0) {
                DerReader params = seq.enter(0xa0);
                return params.element();
            }
            seq.skip();
        }
        throw new TlsConfigException(path + ": EC private key without curve parameters");
    }

    private static byte[] algorithm(byte[] oid, byte[] parameters) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(oid);
        content.writeBytes(parameters);
        return DerReader.encode(0x30, content.toByteArray());
    }

    private static byte[] wrapPkcs8(byte[] algorithmIdentifier, byte[] privateKey) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(algorithmIdentifier);
        content.writeBytes(DerReader.encode(0x04, privateKey));
        return DerReader.encode(0x30, content.toByteArray());
    }
}
