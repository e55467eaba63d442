package io.github.jetcdctl.config;

/** A config file or kubeadm manifest that cannot be used; the message is one line naming the file. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
