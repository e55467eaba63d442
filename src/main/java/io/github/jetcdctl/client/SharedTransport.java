package io.github.jetcdctl.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;

/**
 * What the resident jetcdctl keeps between requests, so that a short command does not build and tear down a
 * transport of its own: one Netty event loop group and one executor for the daemon's lifetime, and the gRPC
 * channels and TLS contexts that requests built, each found again only by the exact settings that built it
 * (see {@link Key}: the endpoints as resolved for this request, every flag but the credentials, and the TLS
 * files' paths with a digest of the bytes read for this request). No auth state is kept: a token belongs to
 * one connection ({@link EtcdConnection}), so requests with different credentials can share a channel and
 * never each other's identity. A channel or context unused for the idle time is dropped (with the keys a TLS
 * context holds); {@link #close} closes everything. A process that never makes one keeps today's path: a
 * channel and an event loop of its own per connection.
 */
public final class SharedTransport implements AutoCloseable {
    /** How long a kept channel or TLS context stays unused before it is closed. */
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);

    private final EventLoopGroup eventLoop;
    private final ExecutorService executor;
    private final Duration idle;
    private final LongSupplier clock;
    private final Map<Key, Kept> channels = new HashMap<>();
    private final Map<TlsFiles.Fingerprint, KeptContext> contexts = new HashMap<>();
    private final ScheduledFuture<?> eviction;
    private boolean closed;

    public SharedTransport(Duration idle) {
        this(idle, System::nanoTime, true);
    }

    /** {@code clock} in nanoseconds; without {@code evictByItself} only {@link #evictIdle} evicts (tests). */
    SharedTransport(Duration idle, LongSupplier clock, boolean evictByItself) {
        this.idle = idle;
        this.clock = clock;
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        this.eventLoop = new MultiThreadIoEventLoopGroup(threads, threads("jetcdctl-io"), NioIoHandler.newFactory());
        this.executor = Executors.newCachedThreadPool(threads("jetcdctl-grpc"));
        long everyMillis = Math.max(1000, idle.toMillis() / 4);
        this.eviction = evictByItself
                ? eventLoop.scheduleAtFixedRate(this::evictIdle, everyMillis, everyMillis, TimeUnit.MILLISECONDS)
                : null;
    }

    /**
     * What a kept channel is found by: the settings without user and password, the gRPC target (host names with
     * the address this request resolved them to), and the TLS files' fingerprint (null without TLS).
     */
    record Key(ConnectionSettings settingsWithoutCredentials, String target, TlsFiles.Fingerprint tls) {
    }

    /** A kept channel lent to one connection until {@link #release}. */
    final class Lease {
        private final Kept kept;
        private boolean released;

        private Lease(Kept kept) {
            this.kept = kept;
        }

        ManagedChannel channel() {
            return kept.channel;
        }

        void release() {
            synchronized (SharedTransport.this) {
                if (released) {
                    return;
                }
                released = true;
                kept.users--;
                kept.lastUsed = clock.getAsLong();
                if (kept.retired && kept.users == 0) {
                    kept.channel.shutdownNow();
                }
            }
        }
    }

    private static final class Kept {
        final ManagedChannel channel;
        int users;
        long lastUsed;
        /** No longer found by its key (broken, evicted or closing): shut down when its last user is done. */
        boolean retired;

        Kept(ManagedChannel channel) {
            this.channel = channel;
        }
    }

    private static final class KeptContext {
        final SslContext context;
        long lastUsed;

        KeptContext(SslContext context) {
            this.context = context;
        }
    }

    EventLoopGroup eventLoop() {
        return eventLoop;
    }

    Executor executor() {
        return executor;
    }

    /**
     * The channel kept for {@code key}, else a new one from {@code build}, lent until the lease is released; null
     * once closed. A kept channel that failed to connect (an endpoint that was down) is replaced, as a process
     * of its own would dial afresh rather than wait out the channel's reconnect back-off.
     */
    synchronized Lease channel(Key key, Supplier<ManagedChannel> build) {
        if (closed) {
            return null;
        }
        Kept kept = channels.get(key);
        if (kept != null) {
            ConnectivityState state = kept.channel.getState(false);
            if (state == ConnectivityState.TRANSIENT_FAILURE || state == ConnectivityState.SHUTDOWN) {
                channels.remove(key);
                retire(kept);
                kept = null;
            }
        }
        if (kept == null) {
            kept = new Kept(build.get());
            channels.put(key, kept);
        }
        kept.users++;
        kept.lastUsed = clock.getAsLong();
        return new Lease(kept);
    }

    /** The TLS context kept for these files' fingerprint, else one built from the bytes just read. */
    SslContext sslContext(TlsFiles files) throws TlsConfigException {
        TlsFiles.Fingerprint fingerprint = files.fingerprint();
        synchronized (this) {
            KeptContext kept = contexts.get(fingerprint);
            if (kept != null) {
                kept.lastUsed = clock.getAsLong();
                return kept.context;
            }
        }
        SslContext built = SslContexts.forFiles(files);
        synchronized (this) {
            if (!closed) {
                KeptContext kept = contexts.computeIfAbsent(fingerprint, f -> new KeptContext(built));
                kept.lastUsed = clock.getAsLong();
                return kept.context;
            }
        }
        return built;
    }

    /** Closes the channels and drops the TLS contexts nobody used for the idle time; returns how many channels. */
    synchronized int evictIdle() {
        long now = clock.getAsLong();
        int evicted = 0;
        for (Iterator<Kept> it = channels.values().iterator(); it.hasNext();) {
            Kept kept = it.next();
            if (kept.users == 0 && now - kept.lastUsed >= idle.toNanos()) {
                it.remove();
                retire(kept);
                evicted++;
            }
        }
        contexts.values().removeIf(kept -> now - kept.lastUsed >= idle.toNanos());
        return evicted;
    }

    private static void retire(Kept kept) {
        kept.retired = true;
        if (kept.users == 0) {
            kept.channel.shutdownNow();
        }
    }

    /** For {@code daemon status}: channels and TLS contexts kept now. */
    public synchronized String describe() {
        return channels.size() + " channels, " + contexts.size() + " TLS contexts";
    }

    /** Closes every channel (cancelling what still runs on them), the event loop and the executor. */
    @Override
    public void close() {
        List<ManagedChannel> closing = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (eviction != null) {
                eviction.cancel(false);
            }
            channels.values().forEach(kept -> closing.add(kept.channel));
            channels.clear();
            contexts.clear();
        }
        ClientFactory.shutDown(closing, eventLoop);
        executor.shutdownNow();
    }

    /**
     * Daemon threads that do not inherit the creating thread's inheritable thread-locals: they outlive the
     * request that happened to start them.
     */
    private static ThreadFactory threads(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(null, runnable, name + "-" + number.incrementAndGet(), 0, false);
            thread.setDaemon(true);
            return thread;
        };
    }
}
