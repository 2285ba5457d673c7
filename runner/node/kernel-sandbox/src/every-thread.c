// Landlock restricts only the thread that asks for it, and Node's threads (V8's platform workers,
// libuv's pool, the inspector's signal thread, worker threads) cannot be asked from JavaScript. So
// the calling thread sends each other thread a signal whose handler restricts that thread, waits
// until every thread has answered, checks /proc/self/task against the answers, and restricts itself
// last (threads created afterwards inherit the domain of the thread that creates them).
//
// Node's inspector thread blocks every signal that pthread_sigmask can block, so the signal used is
// the highest one that no thread blocks and nothing handles; with glibc that is signal 32, which
// glibc reserves for thread cancellation and never lets pthread_sigmask block. glibc's sigaction()
// refuses that signal, so the handler is installed with the raw system call, with its own
// sigreturn trampoline, and the previous action is put back afterwards.
#define _GNU_SOURCE
#include "every-thread.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#if !defined(__x86_64__)
#error "the kernel sandbox supports x86_64 only (its sigreturn trampoline and seccomp filter are x86_64's)"
#endif

#define MAX_THREADS 4096
#define MAX_ROUNDS 8
#define ANSWER_TIMEOUT_MS 2000
#define FIRST_RT_SIGNAL 32
#define LAST_SIGNAL 64
#define KERNEL_SA_RESTORER 0x04000000UL

/* The x86_64 kernel's struct sigaction, which the raw rt_sigaction system call takes. */
struct kernel_sigaction {
  void (*handler)(int, siginfo_t *, void *);
  unsigned long flags;
  void (*restorer)(void);
  uint64_t mask;
};

/* Where a handler returns to: the rt_sigreturn system call (15 on x86_64). */
__attribute__((naked)) static void sigreturn_trampoline(void) {
  __asm__("movl $15, %eax\n\tsyscall");
}

static int ruleset;
static atomic_int answers;
static atomic_int first_failure;
static atomic_int restricted_count;
static pid_t restricted[MAX_THREADS];

static void restrict_this_thread(int sig, siginfo_t *info, void *context) {
  (void)sig;
  (void)context;
  if (info->si_code != SI_TKILL || info->si_pid != getpid()) return;
  int saved_errno = errno;
  long result = syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  if (result == 0) result = syscall(SYS_landlock_restrict_self, ruleset, 0);
  if (result == 0) {
    int slot = atomic_fetch_add(&restricted_count, 1);
    if (slot < MAX_THREADS) restricted[slot] = (pid_t)syscall(SYS_gettid);
  } else {
    int none = 0;
    atomic_compare_exchange_strong(&first_failure, &none, errno);
  }
  atomic_fetch_add(&answers, 1);
  errno = saved_errno;
}

static int set_action(int sig, const struct kernel_sigaction *action, struct kernel_sigaction *previous) {
  return (int)syscall(SYS_rt_sigaction, sig, action, previous, sizeof(uint64_t));
}

/* Thread ids of the process, at most max of them; -1 on error. */
static int list_threads(pid_t *tids, int max) {
  DIR *dir = opendir("/proc/self/task");
  if (!dir) return -1;
  int count = 0;
  struct dirent *entry;
  while ((entry = readdir(dir)) != NULL) {
    if (entry->d_name[0] == '.') continue;
    if (count == max) {
      closedir(dir);
      errno = E2BIG;
      return -1;
    }
    tids[count++] = (pid_t)atoi(entry->d_name);
  }
  closedir(dir);
  return count;
}

/* The thread's blocked-signal mask from /proc; a thread that is gone blocks nothing. */
static uint64_t blocked_signals(pid_t tid) {
  char path[64], text[4096];
  snprintf(path, sizeof path, "/proc/self/task/%d/status", (int)tid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t size = read(fd, text, sizeof text - 1);
  close(fd);
  if (size <= 0) return 0;
  text[size] = '\0';
  const char *line = strstr(text, "\nSigBlk:");
  return line ? strtoull(line + strlen("\nSigBlk:"), NULL, 16) : 0;
}

/* Every signal that at least one of the threads blocks. */
static uint64_t blocked_by_any(const pid_t *tids, int count) {
  uint64_t mask = 0;
  for (int i = 0; i < count; i++) mask |= blocked_signals(tids[i]);
  return mask;
}

static uint64_t bit(int sig) {
  return 1ULL << (sig - 1);
}

/* The highest real-time signal that nothing handles and no thread blocks, or 0. */
static int free_signal(const pid_t *tids, int count) {
  uint64_t blocked = blocked_by_any(tids, count);
  for (int sig = LAST_SIGNAL; sig >= FIRST_RT_SIGNAL; sig--) {
    struct kernel_sigaction current;
    if (blocked & bit(sig) || set_action(sig, NULL, &current) != 0) continue;
    if ((uintptr_t)current.handler == (uintptr_t)SIG_DFL) return sig;
  }
  return 0;
}

static int contains(const pid_t *tids, int count, pid_t tid) {
  for (int i = 0; i < count; i++)
    if (tids[i] == tid) return 1;
  return 0;
}

static long elapsed_ms(const struct timespec *since) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000;
}

static void sleep_ms(long ms) {
  struct timespec pause = {ms / 1000, (ms % 1000) * 1000000};
  nanosleep(&pause, NULL);
}

/* Waits until every signalled thread answered, or the ones that did not are gone. */
static int await_answers(const pid_t *signalled, int signalled_count) {
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  while (atomic_load(&answers) < signalled_count) {
    if (elapsed_ms(&start) > ANSWER_TIMEOUT_MS) {
      static pid_t alive[MAX_THREADS];
      int alive_count = list_threads(alive, MAX_THREADS);
      int done = atomic_load(&restricted_count);
      for (int i = 0; i < signalled_count; i++)
        if (!contains(restricted, done, signalled[i]) && contains(alive, alive_count, signalled[i])) return 0;
      return 1;
    }
    sleep_ms(1);
  }
  return 1;
}

int landlock_restrict_every_thread(int ruleset_fd, char *err, size_t err_size) {
  static pid_t tids[MAX_THREADS], signalled[MAX_THREADS];
  pid_t self = (pid_t)syscall(SYS_gettid);
  pid_t process = getpid();
  int signalled_count = 0, sig = 0;
  struct kernel_sigaction previous;
  ruleset = ruleset_fd;
  atomic_store(&answers, 0);
  atomic_store(&first_failure, 0);
  atomic_store(&restricted_count, 0);

  for (int round = 0;; round++) {
    int count = list_threads(tids, MAX_THREADS);
    if (count < 0) {
      snprintf(err, err_size, "could not list the process's threads: %s", strerror(errno));
      return -1;
    }
    int fresh = 0;
    for (int i = 0; i < count; i++)
      if (tids[i] != self && !contains(signalled, signalled_count, tids[i])) tids[fresh++] = tids[i];
    if (fresh == 0) break;
    if (round == MAX_ROUNDS) {
      snprintf(err, err_size, "new threads kept appearing while the others were being restricted");
      return -1;
    }
    if (sig == 0) {
      /* A thread may block every signal for a moment (glibc does while it creates a thread). */
      for (int attempt = 0; attempt < 5 && sig == 0; attempt++, sleep_ms(5)) sig = free_signal(tids, fresh);
      if (sig == 0) {
        snprintf(err, err_size, "every real-time signal is blocked by some thread, so not every thread could be restricted");
        return -1;
      }
      struct kernel_sigaction action = {restrict_this_thread, SA_SIGINFO | SA_RESTART | SA_ONSTACK | KERNEL_SA_RESTORER, sigreturn_trampoline, ~0ULL};
      if (set_action(sig, &action, &previous) != 0) {
        snprintf(err, err_size, "could not install the signal handler that restricts each thread: %s", strerror(errno));
        return -1;
      }
      /* From here on, a failure leaves the handler installed: a signal still pending must not meet
         the default action, which ends the process. */
    } else if (blocked_by_any(tids, fresh) & bit(sig)) {
      snprintf(err, err_size, "a new thread blocks signal %d, so it could not be restricted", sig);
      return -1;
    }
    for (int i = 0; i < fresh && signalled_count < MAX_THREADS; i++) {
      if (syscall(SYS_tgkill, process, tids[i], sig) == 0) signalled[signalled_count++] = tids[i];
      else if (errno != ESRCH) {
        snprintf(err, err_size, "could not signal thread %d: %s", (int)tids[i], strerror(errno));
        return -1;
      }
    }
    if (!await_answers(signalled, signalled_count)) {
      snprintf(err, err_size, "a thread did not answer the signal that restricts it within %d ms", ANSWER_TIMEOUT_MS);
      return -1;
    }
  }
  if (sig != 0) set_action(sig, &previous, NULL);
  if (atomic_load(&first_failure) != 0) {
    snprintf(err, err_size, "a thread could not restrict itself: %s", strerror(atomic_load(&first_failure)));
    return -1;
  }
  int count = list_threads(tids, MAX_THREADS);
  if (count < 0) {
    snprintf(err, err_size, "could not list the process's threads to check them: %s", strerror(errno));
    return -1;
  }
  int done = atomic_load(&restricted_count);
  for (int i = 0; i < count; i++) {
    if (tids[i] != self && !contains(restricted, done, tids[i])) {
      snprintf(err, err_size, "thread %d was not restricted", (int)tids[i]);
      return -1;
    }
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || syscall(SYS_landlock_restrict_self, ruleset_fd, 0) != 0) {
    snprintf(err, err_size, "the calling thread could not restrict itself: %s", strerror(errno));
    return -1;
  }
  return atomic_load(&restricted_count) + 1;
}
