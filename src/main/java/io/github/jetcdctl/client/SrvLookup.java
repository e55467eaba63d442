package io.github.jetcdctl.client;

import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * SRV lookups the way etcdctl's Go resolver makes them, over the JDK's JNDI DNS client: the servers, search list,
 * timeout and attempts of {@link ResolvConf}; each name tried on each server in turn until one answers; an
 * answer that the name does not exist ends that name. Errors read as Go's: {@code lookup NAME on SERVER: no such
 * host}. Only --discovery-srv loads this class, so the JNDI classes cost nothing otherwise.
 */
final class SrvLookup {
    private static final String NO_SUCH_HOST = "no such host";
    private final ResolvConf conf;
    /** With {@code options rotate}, each name starts at the next server, as in Go. */
    private int rotation;

    SrvLookup(ResolvConf conf) {
        this.conf = conf;
    }

    /** The records of {@code _service._proto.name}, in RFC 2782 order. */
    List<SrvRecord> lookup(String service, String proto, String name) throws SrvLookupException {
        String query = "_" + service + "._" + proto + "." + name;
        if (!DomainNames.isDomainName(query)) {
            throw new SrvLookupException(query, "", NO_SUCH_HOST);
        }
        List<SrvRecord> records = null;
        SrvLookupException last = null;
        for (String fqdn : conf.nameList(query)) {
            try {
                records = tryOneName(fqdn);
                break;
            } catch (SrvLookupException e) {
                last = e;
            }
        }
        if (records == null) {
            // Go names the name it was asked for, not the suffixed one it tried last.
            throw last == null ? new SrvLookupException(query, "", NO_SUCH_HOST)
                    : new SrvLookupException(query, last.server, last.reason);
        }
        return checkedTargets(records, name);
    }

    private List<SrvRecord> tryOneName(String fqdn) throws SrvLookupException {
        List<String> servers = conf.servers();
        int offset = conf.rotate() ? rotation++ : 0;
        SrvLookupException last = null;
        for (int attempt = 0; attempt < conf.attempts(); attempt++) {
            for (int i = 0; i < servers.size(); i++) {
                String server = servers.get((offset + i) % servers.size());
                try {
                    List<SrvRecord> records = query(server, fqdn);
                    if (records.isEmpty()) {
                        throw new SrvLookupException(fqdn, server, NO_SUCH_HOST);
                    }
                    return SrvRecord.ordered(records, ThreadLocalRandom.current());
                } catch (NameNotFoundException e) {
                    // the name does not exist: another server will not know better
                    throw new SrvLookupException(fqdn, server, NO_SUCH_HOST);
                } catch (NamingException e) {
                    String reason = reason(e);
                    last = new SrvLookupException(fqdn, server, reason);
                }
            }
        }
        throw last;
    }

    /** One question to one server; no SRV record in the answer is an empty list. */
    private List<SrvRecord> query(String server, String fqdn) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, "dns://" + server.replace("%", "%25"));
        env.put("com.sun.jndi.dns.timeout.initial", Long.toString(conf.timeout().toMillis()));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext context = new InitialDirContext(env);
        try {
            Attributes attributes = context.getAttributes(fqdn, new String[] {"SRV"});
            Attribute srv = attributes.get("SRV");
            List<SrvRecord> records = new ArrayList<>();
            for (int i = 0; srv != null && i < srv.size(); i++) {
                try {
                    records.add(SrvRecord.parse(String.valueOf(srv.get(i))));
                } catch (IllegalArgumentException e) {
                    throw new NamingException("cannot unmarshal DNS message");
                }
            }
            return records;
        } finally {
            context.close();
        }
    }

    /** Go drops the whole answer when a target is not a valid name. */
    private static List<SrvRecord> checkedTargets(List<SrvRecord> records, String name) throws SrvLookupException {
        for (SrvRecord record : records) {
            if (!DomainNames.isDomainName(record.target())) {
                String reason = "DNS response contained records which contain invalid names";
                throw new SrvLookupException(name, "", reason);
            }
        }
        return records;
    }

    /**
     * Go's wording where the JDK tells the same thing. Go also names the local socket in network errors
     * ({@code read udp 127.0.0.1:41234->10.0.0.2:53: i/o timeout}); JNDI does not say which it used.
     */
    private static String reason(NamingException e) {
        Throwable cause = e.getRootCause();
        if (e instanceof CommunicationException) {
            if (cause instanceof SocketTimeoutException || cause == null) {
                return "i/o timeout";
            }
            if (cause instanceof PortUnreachableException) {
                return "read: connection refused";
            }
            return cause.getMessage() != null ? cause.getMessage() : e.getMessage();
        }
        if (e.getMessage() != null && e.getMessage().contains("[response code")) {
            return "server misbehaving"; // SERVFAIL, REFUSED, NOTIMP, FORMERR: Go treats them alike
        }
        return e.getExplanation() != null ? e.getExplanation() : "server misbehaving";
    }

    /** A failed lookup; the message is Go's DNSError text. */
    static final class SrvLookupException extends Exception {
        private final String server;
        private final String reason;

        SrvLookupException(String name, String server, String reason) {
            super("lookup " + name + (server.isEmpty() ? "" : " on " + server) + ": " + reason, null, false, false);
            this.server = server;
            this.reason = reason;
        }
    }
}
