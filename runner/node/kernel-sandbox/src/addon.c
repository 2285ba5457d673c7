// Node-API entry of the kernel sandbox: each layer is one function, applied to the whole process.
#include <errno.h>
#include <node_api.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "every-thread.h"
#include "landlock.h"
#include "syscall-filter.h"

#define NAPI_OK(call) \
  if ((call) != napi_ok) return NULL

static napi_value fail(napi_env env, const char *message) {
  napi_throw_error(env, NULL, message);
  return NULL;
}

static napi_value result_with(napi_env env, const char *name, int value, const char *name2, int value2) {
  napi_value result, number;
  NAPI_OK(napi_create_object(env, &result));
  NAPI_OK(napi_create_int32(env, value, &number));
  NAPI_OK(napi_set_named_property(env, result, name, number));
  if (name2) {
    NAPI_OK(napi_create_int32(env, value2, &number));
    NAPI_OK(napi_set_named_property(env, result, name2, number));
  }
  return result;
}

/* restrictFilesystem(): { abi, threads }. Landlock denying all filesystem access, on every thread. */
static napi_value restrict_filesystem(napi_env env, napi_callback_info info) {
  (void)info;
  char err[256];
  int abi = landlock_abi();
  if (abi < 0) {
    snprintf(err, sizeof err, "the kernel does not offer it (%s)", strerror(-abi));
    return fail(env, err);
  }
  int ruleset = landlock_deny_all_ruleset(abi);
  if (ruleset < 0) {
    snprintf(err, sizeof err, "ABI %d refused the ruleset (%s)", abi, strerror(-ruleset));
    return fail(env, err);
  }
  char reason[200];
  int threads = landlock_restrict_every_thread(ruleset, reason, sizeof reason);
  if (threads < 0) {
    /* The ruleset stays open: a thread that has not answered yet may still restrict itself with it. */
    snprintf(err, sizeof err, "ABI %d: %s", abi, reason);
    return fail(env, err);
  }
  close(ruleset);
  return result_with(env, "abi", abi, "threads", threads);
}

/* filterSyscalls(): { syscalls }. The seccomp allowlist, on every thread. */
static napi_value filter_syscalls(napi_env env, napi_callback_info info) {
  (void)info;
  char err[256];
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    snprintf(err, sizeof err, "could not set no_new_privs (%s)", strerror(errno));
    return fail(env, err);
  }
  int allowed = syscall_filter_install(err, sizeof err);
  if (allowed < 0) return fail(env, err);
  return result_with(env, "syscalls", allowed, NULL, 0);
}

NAPI_MODULE_INIT() {
  napi_value fn;
  NAPI_OK(napi_create_function(env, "restrictFilesystem", NAPI_AUTO_LENGTH, restrict_filesystem, NULL, &fn));
  NAPI_OK(napi_set_named_property(env, exports, "restrictFilesystem", fn));
  NAPI_OK(napi_create_function(env, "filterSyscalls", NAPI_AUTO_LENGTH, filter_syscalls, NULL, &fn));
  NAPI_OK(napi_set_named_property(env, exports, "filterSyscalls", fn));
  return exports;
}
