package io.github.jetcdctl.client;

/** TLS material could not be loaded; etcdctl reports these before connecting, with exit code 128. */
public class TlsConfigException extends Exception {
    public TlsConfigException(String message) {
        super(message);
    }
}
