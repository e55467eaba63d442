package io.github.jetcdctl.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.github.jetcdctl.cli.CommandTrees;
import io.github.jetcdctl.client.SharedTransport;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Listens on a Unix-domain socket in a directory only its user may enter, takes connections from that user
 * alone (the peer's uid, from the kernel, on every connection), runs each on a thread of its own, and ends
 * after an idle time with no request. A lock file beside the socket keeps a second daemon for the same socket
 * from starting; the socket is removed on the way out.
 */
public final class DaemonServer {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private final Path socket;
    private final String key;
    private final Duration idle;
    private final Path build;
    private final List<Object> buildAsStarted;
    /** The event loop, channels and TLS contexts requests share; closed when the daemon ends. */
    private final SharedTransport transport = new SharedTransport(SharedTransport.DEFAULT_IDLE);
    private final long started = System.nanoTime();
    private final HeapTrim heapTrim;
    private final AtomicLong served = new AtomicLong();
    /**
     * picocli's command trees, kept between requests (building one by reflection was most of a short request's
     * CPU) and lent to one request at a time: a tree holds the option values of the line it parsed.
     */
    private final Queue<CommandTrees> idleTrees = new ConcurrentLinkedQueue<>();
    /** Requests answered "run it yourself": another key (build, JVM, options, namespaces), or a JVM's command. */
    private final AtomicLong handedBack = new AtomicLong();
    private final AtomicLong threadNumber = new AtomicLong();
    private ServerSocketChannel server;
    private UserPrincipal owner;
    private int active;
    private long lastActivity = System.nanoTime();
    private boolean stopping;

    /** {@code key} names the build, JVM and options the launcher would run; a request with another is declined. */
    public DaemonServer(Path socket, String key, Duration idle) {
        this(socket, key, idle, null, new HeapTrim());
    }

    /**
     * As above, for the jar {@code build} as it is now: once that file is another (another file renamed over
     * it, or rewritten: its inode, size or time changed) or gone, every request is handed back and the daemon
     * ends, whatever key the request brings.
     */
    public DaemonServer(Path socket, String key, Duration idle, Path build) {
        this(socket, key, idle, build, new HeapTrim());
    }

    DaemonServer(Path socket, String key, Duration idle, HeapTrim heapTrim) {
        this(socket, key, idle, null, heapTrim);
    }

    private DaemonServer(Path socket, String key, Duration idle, Path build, HeapTrim heapTrim) {
        this.socket = socket;
        this.key = key;
        this.idle = idle;
        this.build = build;
        this.buildAsStarted = build == null ? null : identity(build);
        this.heapTrim = heapTrim;
    }

    /** The file's inode, size and modification time, or null when it cannot be read. */
    private static List<Object> identity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Arrays.asList(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the jar this daemon was started from is still there, as it was. */
    boolean buildUnchanged() {
        return build == null || (buildAsStarted != null && buildAsStarted.equals(identity(build)));
    }

    String key() {
        return key;
    }

    SharedTransport transport() {
        return transport;
    }

    /**
     * Serves until idle for the idle time or told to stop; returns at once (false) when another daemon holds
     * this socket, or the directory is not this user's alone.
     */
    public boolean serve() throws IOException {
        try (transport) {
            return listen();
        }
    }

    private boolean listen() throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        Path lockFile = Path.of(socket + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockChannel)) {
            if (lock == null) {
                return false;
            }
            owner = Files.getOwner(lockFile);
            if (!privateDirectory(dir, owner)) {
                return false;
            }
            Files.deleteIfExists(socket); // a daemon killed outright left it; the lock says none is using it
            try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                listening.bind(UnixDomainSocketAddress.of(socket));
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                synchronized (this) {
                    server = listening;
                }
                Thread watch = new Thread(this::endWhenIdle, "jetcdctl-daemon-idle");
                watch.setDaemon(true);
                watch.start();
                acceptUntilClosed(listening);
                awaitRequestsUnderWay();
            } finally {
                Files.deleteIfExists(socket);
            }
            return true;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by a daemon in this same JVM (tests)
        }
    }

    private static boolean privateDirectory(Path dir, UserPrincipal owner) throws IOException {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                && Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).equals(owner)
                && Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).stream().noneMatch(OTHERS::contains);
    }

    private void acceptUntilClosed(ServerSocketChannel listening) throws IOException {
        while (true) {
            SocketChannel channel;
            try {
                channel = listening.accept();
            } catch (ClosedChannelException e) {
                return; // idle, or told to stop
            }
            if (!samePerson(channel)) {
                channel.close();
                continue;
            }
            synchronized (this) {
                if (stopping) {
                    channel.close();
                    return;
                }
                active++;
            }
            served.incrementAndGet();
            Thread thread = new Thread(new Connection(channel, this), "jetcdctl-request-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The kernel's word on who connected: only this daemon's own user is served. */
    private boolean samePerson(SocketChannel channel) {
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return peer.user().equals(owner);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Command trees no other request is using (new ones when all are). */
    CommandTrees borrowTrees() {
        CommandTrees trees = idleTrees.poll();
        return trees != null ? trees : new CommandTrees();
    }

    /** Back for the next request, once the one that borrowed them has ended. */
    void giveBack(CommandTrees trees) {
        idleTrees.add(trees);
    }

    /** A request the client runs itself after all (another key, or it needs a process of its own). */
    void handedBack() {
        handedBack.incrementAndGet();
    }

    void finished() {
        boolean last;
        synchronized (this) {
            active--;
            lastActivity = System.nanoTime();
            notifyAll();
            last = active == 0;
        }
        if (last) {
            heapTrim.requestsEnded(); // (outside the lock: a collection must not hold up the next connection)
        }
    }

    private synchronized void awaitRequestsUnderWay() {
        while (active > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops taking connections; requests under way finish (the JVM ends when they have). */
    synchronized void stop() {
        stopping = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing a listening socket does not fail in a way worth reporting
        }
    }

    private void endWhenIdle() {
        long checkMillis = Math.max(100, Math.min(idle.toMillis() / 4, 10_000));
        while (true) {
            try {
                Thread.sleep(checkMillis);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (stopping) {
                    return;
                }
                if (active == 0 && System.nanoTime() - lastActivity >= idle.toNanos()) {
                    stop();
                    return;
                }
            }
        }
    }

    synchronized String status() {
        Runtime runtime = Runtime.getRuntime();
        long usedMiB = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        return "pid: " + ProcessHandle.current().pid() + "\n"
                + "socket: " + socket + "\n"
                + "java: " + System.getProperty("java.home") + " " + Runtime.version() + "\n"
                + "up: " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s\n"
                + "requests: " + served.get() + " (" + (active - 1) + " others running)\n"
                + "handed back: " + handedBack.get() + " (another build, JVM, options or namespaces, or a command"
                + " that runs in a JVM of its own)\n"
                + "idle timeout: " + idle.toSeconds() + "s\n"
                + "kept: " + transport.describe() + " (each closed after "
                + SharedTransport.DEFAULT_IDLE.toSeconds() + "s unused)\n"
                + "heap: " + usedMiB + " MiB used of " + (runtime.totalMemory() >> 20) + " MiB\n";
    }
}
