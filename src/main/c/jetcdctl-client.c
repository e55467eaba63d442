/*
 * jetcdctl's native client: hands one command line to the resident jetcdctl of this user and build (see
 * io.github.jetcdctl.daemon), relays its standard streams and exits with its status. Whenever the daemon
 * cannot run the command (none listening, another build, a command that needs a process of its own) and
 * nothing has been read or written yet, it runs the JVM command line it was given instead, so a command
 * behaves the same by either route.
 *
 *   jetcdctl-client SOCKET KEY NARGS JAVA [JVM-ARGS...] ARGS...   (the last NARGS words are the command's)
 *   jetcdctl-client --control SOCKET status|stop
 *
 * The key the client sends is KEY followed by this process's network and mount namespaces, as the daemon adds
 * its own to the key it was started with: a command from other namespaces is not the daemon's to run.
 *
 * Frames both ways: one type byte, a 32-bit big-endian length, that many bytes. Only libc is used.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

extern char **environ;

#define CHUNK 65536

static int connection = -1;

/* The terminal on standard input while the daemon reads a password from it with the echo off (as stty -echo
   would switch it in a JVM of the command's own); restored however the client ends, but for SIGKILL. */
static struct termios echoing;
static volatile sig_atomic_t echo_is_off = 0;

static void restore_echo(void) {
    if (echo_is_off) {
        tcsetattr(STDIN_FILENO, TCSADRAIN, &echoing);
        echo_is_off = 0;
    }
}

static void switch_echo(int on) {
    if (on) {
        restore_echo();
        return;
    }
    struct termios silent;
    if (echo_is_off || tcgetattr(STDIN_FILENO, &echoing) != 0) {
        return; /* not a terminal: the line is read as it comes, as the JVM's stty would fail */
    }
    silent = echoing;
    silent.c_lflag &= ~(tcflag_t)ECHO;
    echo_is_off = tcsetattr(STDIN_FILENO, TCSADRAIN, &silent) == 0;
}

static void die_with_signal(int sig) {
    /* as the JVM ends on SIGINT, SIGTERM or SIGHUP: status 128+n; the daemon sees the connection close and
       interrupts the command */
    restore_echo();
    _exit(128 + sig);
}

/* A signal ignored when the client started (nohup, a background job of a script) stays ignored, as the JVM
   leaves it, and stays so in the JVM the client may exec; any other ends the client. */
static void end_on(int sig) {
    struct sigaction current;
    if (sigaction(sig, NULL, &current) == 0 && current.sa_handler == SIG_IGN) {
        return;
    }
    struct sigaction ending;
    memset(&ending, 0, sizeof ending);
    ending.sa_handler = die_with_signal;
    sigemptyset(&ending.sa_mask);
    sigaction(sig, &ending, NULL);
}

/* ---- growing request buffer ---- */
struct buffer {
    unsigned char *bytes;
    size_t length, capacity;
};

static int append(struct buffer *b, const void *data, size_t n) {
    if (b->length + n > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 4096;
        while (capacity < b->length + n) {
            capacity *= 2;
        }
        unsigned char *grown = realloc(b->bytes, capacity);
        if (grown == NULL) {
            return -1;
        }
        b->bytes = grown;
        b->capacity = capacity;
    }
    memcpy(b->bytes + b->length, data, n);
    b->length += n;
    return 0;
}

static void put32(unsigned char *p, uint32_t v) {
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static uint32_t get32(const unsigned char *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static int append32(struct buffer *b, uint32_t v) {
    unsigned char p[4];
    put32(p, v);
    return append(b, p, 4);
}

static int append_string(struct buffer *b, const char *s) {
    size_t n = strlen(s);
    return n > UINT32_MAX ? -1 : (append32(b, (uint32_t)n) || append(b, s, n));
}

/* ---- plain I/O that survives signals and short counts ---- */
static int write_all(int fd, const void *data, size_t n) {
    const unsigned char *p = data;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int read_all(int fd, void *data, size_t n) {
    unsigned char *p = data;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return -1;
        }
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

static int send_frame(char type, const void *payload, uint32_t length) {
    unsigned char header[5];
    header[0] = (unsigned char)type;
    put32(header + 1, length);
    return write_all(connection, header, 5) || write_all(connection, payload, length);
}

/* ---- the route without the daemon ---- */
static void run_in_own_jvm(char **command) {
    signal(SIGPIPE, SIG_DFL); /* an ignored signal would stay ignored in the JVM */
    if (connection >= 0) {
        close(connection);
    }
    execvp(command[0], command);
    fprintf(stderr, "jetcdctl: cannot run %s: %s\n", command[0], strerror(errno));
    exit(127);
}

static int private_directory_of(const char *socket_path) {
    char dir[PATH_MAX];
    const char *slash = strrchr(socket_path, '/');
    size_t n = slash == NULL ? 0 : (size_t)(slash - socket_path);
    if (n == 0 || n >= sizeof dir) {
        return 0;
    }
    memcpy(dir, socket_path, n);
    dir[n] = '\0';
    struct stat st;
    return lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 077) == 0;
}

static int connect_to(const char *socket_path) {
    struct sockaddr_un address;
    if (strlen(socket_path) >= sizeof address.sun_path || !private_directory_of(socket_path)) {
        return -1;
    }
    memset(&address, 0, sizeof address);
    address.sun_family = AF_UNIX;
    strcpy(address.sun_path, socket_path);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) {
        return -1;
    }
    if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0) {
        if (errno == ECONNREFUSED) {
            unlink(socket_path); /* a daemon killed outright: the launcher starts a new one next time */
        }
        close(fd);
        return -1;
    }
    return fd;
}

/* How long a client whose reader has gone still waits for a frame already on its way: the exit status of a command
   that had printed everything follows its output at once, and is then the status (as a JVM that wrote all of its
   output before the reader left ends normally). */
#define GRACE_MS 50

/* Whether standard output is a pipe whose reader has gone (`| head` has what it wanted) while no frame is coming:
   1 when so, 0 once the next frame can be read (or stdout is no pipe to watch). */
static int reader_gone_before_next_frame(int *watch_stdout) {
    struct pollfd fds[2] = {{connection, POLLIN, 0}, {STDOUT_FILENO, 0, 0}};
    while (*watch_stdout) {
        int n = poll(fds, 2, -1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n > 0 && fds[0].revents) {
            return 0;
        }
        if (n < 0 || (fds[1].revents & (POLLHUP | POLLNVAL))) {
            *watch_stdout = 0; /* (not a plain pipe: its write says it) */
        } else if (fds[1].revents & POLLERR) { /* a pipe with no reader left */
            do {
                n = poll(fds, 1, GRACE_MS);
            } while (n < 0 && errno == EINTR);
            return n > 0 ? 0 : 1;
        }
    }
    return 0;
}

/* Relays frames until the exit status; returns -1 when the daemon hands the command back untouched. */
static int relay(void) {
    static unsigned char chunk[CHUNK];
    int touched = 0; /* once anything was read or written, the command cannot be run again */
    /* A pipe on standard output is watched once output has started: when its reader goes away while the daemon
       has more to print (the next page of a range is still on its way), the client ends at once with 141, as a
       write would end it, and the daemon, seeing the connection close, stops the command. Before any output a
       reader that went away changes nothing, as for a JVM (a put still happens). */
    struct stat out;
    int stdout_is_pipe = fstat(STDOUT_FILENO, &out) == 0 && S_ISFIFO(out.st_mode);
    int watch_stdout = 0;
    for (;;) {
        unsigned char header[5];
        if (reader_gone_before_next_frame(&watch_stdout)) {
            return 141;
        }
        if (read_all(connection, header, 5) != 0) {
            if (!touched) {
                return -1;
            }
            fputs("jetcdctl: the resident jetcdctl ended during the command\n", stderr);
            return 1;
        }
        uint32_t length = get32(header + 1);
        switch (header[0]) {
        case 'O':
        case 'E':
            touched = 1;
            while (length > 0) {
                size_t n = length < CHUNK ? length : CHUNK;
                if (read_all(connection, chunk, n) != 0) {
                    fputs("jetcdctl: the resident jetcdctl ended during the command\n", stderr);
                    return 1;
                }
                if (write_all(header[0] == 'O' ? STDOUT_FILENO : STDERR_FILENO, chunk, n) != 0
                        && header[0] == 'O') {
                    return errno == EPIPE ? 141 : 1; /* as the JVM: a closed pipe ends the command at once */
                }
                length -= (uint32_t)n;
            }
            watch_stdout = watch_stdout || (header[0] == 'O' && stdout_is_pipe);
            break;
        case 'i': {
            unsigned char wanted[4];
            if (length != 4 || read_all(connection, wanted, 4) != 0) {
                return 1;
            }
            touched = 1;
            size_t n = get32(wanted) < CHUNK ? get32(wanted) : CHUNK;
            ssize_t r;
            do {
                r = read(STDIN_FILENO, chunk, n);
            } while (r < 0 && errno == EINTR);
            if (send_frame('I', chunk, r > 0 ? (uint32_t)r : 0) != 0) {
                return 1;
            }
            break;
        }
        case 'T': {
            unsigned char on;
            if (length != 1 || read_all(connection, &on, 1) != 0) {
                return 1;
            }
            touched = 1;
            switch_echo(on != 0);
            break;
        }
        case 'X': {
            unsigned char status[4];
            if (length != 4 || read_all(connection, status, 4) != 0) {
                return 1;
            }
            return (int)get32(status) & 0xff;
        }
        case 'F':
            if (touched) {
                return 1;
            }
            return -1;
        default:
            fputs("jetcdctl: unexpected answer from the resident jetcdctl\n", stderr);
            return 1;
        }
    }
}

/* "|net:[N]|mnt:[N]" as readlink(2) gives them (empty where /proc is not there), as DaemonMain adds them */
static int append_namespaces(struct buffer *key) {
    static const char *const links[] = {"/proc/self/ns/net", "/proc/self/ns/mnt"};
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        char target[256];
        ssize_t n = readlink(links[i], target, sizeof target);
        if (n < 0 || (size_t)n >= sizeof target) {
            n = 0;
        }
        if (append(key, "|", 1) || append(key, target, (size_t)n)) {
            return -1;
        }
    }
    return 0;
}

static int control(const char *socket_path, const char *word) {
    connection = connect_to(socket_path);
    if (connection < 0) {
        printf("no resident jetcdctl is running (%s)\n", socket_path);
        return 0;
    }
    char type = strcmp(word, "stop") == 0 ? 'Q' : 'S';
    if (send_frame(type, "", 0) != 0) {
        return 1;
    }
    int status = relay();
    if (type == 'Q') {
        printf("stopped the resident jetcdctl (%s)\n", socket_path);
    }
    return status < 0 ? 1 : status;
}

int main(int argc, char **argv) {
    signal(SIGPIPE, SIG_IGN);
    if (argc == 4 && strcmp(argv[1], "--control") == 0) {
        return control(argv[2], argv[3]);
    }
    if (argc < 5) {
        fputs("usage: jetcdctl-client SOCKET KEY NARGS JAVA [JVM-ARGS...] ARGS...\n", stderr);
        return 2;
    }
    char **command = argv + 4;
    long nargs = strtol(argv[3], NULL, 10);
    if (nargs < 0 || nargs > argc - 5) {
        run_in_own_jvm(command);
    }
    connection = connect_to(argv[1]);
    if (connection < 0) {
        run_in_own_jvm(command);
    }
    end_on(SIGINT);
    end_on(SIGTERM);
    end_on(SIGHUP);

    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) == NULL) {
        run_in_own_jvm(command);
    }
    struct buffer request = {NULL, 0, 0};
    uint32_t flags = (isatty(STDIN_FILENO) ? 1u : 0u) | (isatty(STDOUT_FILENO) ? 2u : 0u)
            | (isatty(STDERR_FILENO) ? 4u : 0u);
    struct buffer key = {NULL, 0, 0};
    int failed = append(&key, argv[2], strlen(argv[2])) || append_namespaces(&key) || key.length > UINT32_MAX
            || append32(&request, (uint32_t)key.length) || append(&request, key.bytes, key.length)
            || append32(&request, flags) || append_string(&request, cwd) || append32(&request, (uint32_t)nargs);
    free(key.bytes);
    for (int i = argc - (int)nargs; i < argc && !failed; i++) {
        failed = append_string(&request, argv[i]);
    }
    uint32_t entries = 0;
    for (char **e = environ; *e != NULL; e++) {
        entries++;
    }
    failed = failed || append32(&request, entries);
    for (char **e = environ; *e != NULL && !failed; e++) {
        failed = append_string(&request, *e);
    }
    if (failed || request.length > UINT32_MAX || send_frame('R', request.bytes, (uint32_t)request.length) != 0) {
        run_in_own_jvm(command);
    }
    free(request.bytes);
    int status = relay();
    restore_echo();
    if (status < 0) {
        run_in_own_jvm(command);
    }
    return status;
}
