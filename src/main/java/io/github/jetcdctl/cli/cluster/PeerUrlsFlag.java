package io.github.jetcdctl.cli.cluster;

import java.util.Arrays;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.snapshot.raft.PeerUrls;
import io.github.jetcdctl.snapshot.raft.RestoreConfigException;

/** {@code --peer-urls} of member add/update: required, comma separated, checked as etcd's client does. */
final class PeerUrlsFlag {
    private PeerUrlsFlag() {
    }

    /** The URLs as given (etcdctl sends them untrimmed and unsorted); fails when the flag is empty. */
    static List<String> split(String flagValue) {
        if (flagValue.isEmpty()) {
            throw CliException.badArgs("member peer urls not provided");
        }
        return Arrays.asList(flagValue.split(",", -1));
    }

    /** The client library's check before the RPC; it runs after the connection is made, hence exit code 1. */
    static void validate(List<String> urls) {
        try {
            PeerUrls.parse(urls);
        } catch (RestoreConfigException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage());
        }
    }
}
