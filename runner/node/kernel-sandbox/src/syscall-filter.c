// seccomp-bpf: the system calls a runner makes once it has started, and no others.
#define _GNU_SOURCE
#include "syscall-filter.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#if !defined(__x86_64__)
#error "the syscall filter is written for x86_64"
#endif

#define X32_SYSCALL_BIT 0x40000000u
#define MAX_VALUES 8
#define MAX_PROGRAM 512

enum rule_kind {
  ALLOW,
  /* Allowed when argument `arg` is one of `values`. Every argument filtered here is 32 bits wide in
     the kernel (or cut to its low 32 bits there), so the low half of its register is all of it. */
  ALLOW_IF_ARG_IS,
  /* Fails with `values[0]` as errno. */
  FAIL_WITH,
};

struct rule {
  int nr;
  enum rule_kind kind;
  int arg;
  int count;
  uint32_t values[MAX_VALUES];
};

struct program {
  struct sock_filter code[MAX_PROGRAM];
  int length;
};

static void emit(struct program *p, struct sock_filter instruction) {
  if (p->length < MAX_PROGRAM) p->code[p->length] = instruction;
  p->length++;
}

static struct sock_filter load_arg_low(int arg) {
  return (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args) + arg * sizeof(uint64_t));
}

static const struct sock_filter ALLOWED = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
static const struct sock_filter DENIED = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);

/* Each rule is one block that starts by matching the system call number and always returns. */
static void emit_rule(struct program *p, const struct rule *rule) {
  switch (rule->kind) {
    case ALLOW:
      emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, rule->nr, 0, 1));
      emit(p, ALLOWED);
      break;
    case FAIL_WITH:
      emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, rule->nr, 0, 1));
      emit(p, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (rule->values[0] & SECCOMP_RET_DATA)));
      break;
    case ALLOW_IF_ARG_IS: {
      int n = rule->count;
      emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, rule->nr, 0, (unsigned char)(n + 3)));
      emit(p, load_arg_low(rule->arg));
      for (int i = 0; i < n; i++) emit(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, rule->values[i], (unsigned char)(n - i), 0));
      emit(p, DENIED);
      emit(p, ALLOWED);
      break;
    }
  }
}

/* glibc's pthread_create: a thread sharing everything with its process, and nothing else. */
#define THREAD_CLONE_FLAGS \
  (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

#define ALLOWED_CALL(number) {.nr = (number), .kind = ALLOW}

/* The allowlist. Provenance: the runner (runner-entry.ts applying this sandbox once its VM thread
   reported ready), built with this filter's default action set to allow, ran the whole test suite
   under `strace -f -ttt` (unit, conformance, integration with the hostile-cart suite, and the
   end-to-end studio tests in Chromium: every example cart, errors, exit(), stop, hangs in Lua and
   in one C call, break/resume, memory- and coroutine-heavy carts), and every system call that any
   thread of any runner made after its seccomp() call was listed (Node 20.20, glibc 2.36, Linux
   6.18). Then the suite ran again under strace with this filter: no runner had a call denied. The
   first group is the traced list; the second holds calls those runs could not exercise. */
int syscall_filter_install(char *err, size_t err_size) {
  const struct rule rules[] = {
    /* Traced. */
    ALLOWED_CALL(SYS_futex),
    ALLOWED_CALL(SYS_epoll_pwait),
    ALLOWED_CALL(SYS_epoll_ctl),
    ALLOWED_CALL(SYS_read),
    ALLOWED_CALL(SYS_write),
    ALLOWED_CALL(SYS_recvmsg),
    ALLOWED_CALL(SYS_close),
    ALLOWED_CALL(SYS_mmap),
    ALLOWED_CALL(SYS_munmap),
    ALLOWED_CALL(SYS_mprotect),
    ALLOWED_CALL(SYS_pkey_mprotect),
    ALLOWED_CALL(SYS_madvise),
    ALLOWED_CALL(SYS_brk),
    ALLOWED_CALL(SYS_rt_sigprocmask),
    ALLOWED_CALL(SYS_getpid),
    ALLOWED_CALL(SYS_exit),
    ALLOWED_CALL(SYS_exit_group),
    /* Node puts back the flags of its stdio descriptors when it exits. */
    ALLOWED_CALL(SYS_fstat),
    {.nr = SYS_fcntl, .kind = ALLOW_IF_ARG_IS, .arg = 1, .count = 2, .values = {F_GETFL, F_SETFL}},

    /* Not traced. Returning from any signal handler (V8's WebAssembly trap handler). */
    ALLOWED_CALL(SYS_rt_sigreturn),
    /* Node resets its signal handlers when it exits other than by process.exit(), and asserts that it could. */
    ALLOWED_CALL(SYS_rt_sigaction),
    /* The vDSO answers these without a system call, except on clock sources it cannot read. */
    ALLOWED_CALL(SYS_clock_gettime),
    ALLOWED_CALL(SYS_gettimeofday),
    /* Back-off in contended locks. */
    ALLOWED_CALL(SYS_sched_yield),
    ALLOWED_CALL(SYS_nanosleep),
    ALLOWED_CALL(SYS_clock_nanosleep),
    /* glibc's realloc of a large block. */
    ALLOWED_CALL(SYS_mremap),
    /* libuv writing several buffers at once, to descriptors the runner already has. */
    ALLOWED_CALL(SYS_writev),
    /* abort() signalling its own thread, so that a fatal error ends as SIGABRT. */
    ALLOWED_CALL(SYS_gettid),
    {.nr = SYS_tgkill, .kind = ALLOW_IF_ARG_IS, .arg = 0, .count = 1, .values = {(uint32_t)getpid()}},
    /* New threads, which inherit this filter and the Landlock domain. Node's runner starts none once
       sandboxed, but Chromium's thread pool (in Electron's utility process) starts them on demand.
       clone3 hides its flags from the filter, so it reports ENOSYS and glibc falls back to clone. */
    {.nr = SYS_clone, .kind = ALLOW_IF_ARG_IS, .arg = 0, .count = 1, .values = {THREAD_CLONE_FLAGS}},
    {.nr = SYS_clone3, .kind = FAIL_WITH, .values = {ENOSYS}},
    ALLOWED_CALL(SYS_rseq),
    ALLOWED_CALL(SYS_set_robust_list),
  };
  const int rule_count = (int)(sizeof rules / sizeof rules[0]);
  static struct program p;
  p.length = 0;
  emit(&p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)));
  emit(&p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0));
  emit(&p, DENIED);
  emit(&p, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)));
  emit(&p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1));
  emit(&p, DENIED);
  int allowed = 0;
  for (int i = 0; i < rule_count; i++) {
    emit_rule(&p, &rules[i]);
    if (rules[i].kind != FAIL_WITH) allowed++;
  }
  emit(&p, DENIED);
  if (p.length > MAX_PROGRAM) {
    snprintf(err, err_size, "the filter is longer than %d instructions", MAX_PROGRAM);
    return -1;
  }
  struct sock_fprog program = {(unsigned short)p.length, p.code};
  long result = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &program);
  if (result > 0) {
    snprintf(err, err_size, "thread %ld could not take the filter", result);
    return -1;
  }
  if (result < 0) {
    snprintf(err, err_size, "the kernel does not offer it (%s)", strerror(errno));
    return -1;
  }
  return allowed;
}
