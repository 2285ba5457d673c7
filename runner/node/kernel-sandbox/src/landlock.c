// Landlock: a ruleset that handles every access right the kernel knows and grants none.
#define _GNU_SOURCE
#include "landlock.h"

#include <errno.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Declared here rather than taken from <linux/landlock.h>: distribution headers lag behind the
   kernels they run on, and these values are fixed by the kernel's ABI. */
struct ruleset_attr {
  uint64_t handled_access_fs;  /* ABI 1 */
  uint64_t handled_access_net; /* ABI 4 */
  uint64_t scoped;             /* ABI 6 */
};

#define CREATE_RULESET_VERSION (1U << 0)

#define ACCESS_FS_ABI_1 ((1ULL << 13) - 1) /* execute .. make_sym */
#define ACCESS_FS_REFER (1ULL << 13)       /* ABI 2 */
#define ACCESS_FS_TRUNCATE (1ULL << 14)    /* ABI 3 */
#define ACCESS_FS_IOCTL_DEV (1ULL << 15)   /* ABI 5 */
#define ACCESS_NET_BIND_TCP (1ULL << 0)    /* ABI 4 */
#define ACCESS_NET_CONNECT_TCP (1ULL << 1) /* ABI 4 */
#define SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0) /* ABI 6 */
#define SCOPE_SIGNAL (1ULL << 1)               /* ABI 6 */

int landlock_abi(void) {
  long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, CREATE_RULESET_VERSION);
  return abi < 0 ? -errno : (int)abi;
}

int landlock_deny_all_ruleset(int abi) {
  struct ruleset_attr attr = {0};
  size_t size = sizeof attr.handled_access_fs;
  attr.handled_access_fs = ACCESS_FS_ABI_1;
  if (abi >= 2) attr.handled_access_fs |= ACCESS_FS_REFER;
  if (abi >= 3) attr.handled_access_fs |= ACCESS_FS_TRUNCATE;
  if (abi >= 4) {
    attr.handled_access_net = ACCESS_NET_BIND_TCP | ACCESS_NET_CONNECT_TCP;
    size = sizeof attr.handled_access_fs + sizeof attr.handled_access_net;
  }
  if (abi >= 5) attr.handled_access_fs |= ACCESS_FS_IOCTL_DEV;
  if (abi >= 6) {
    attr.scoped = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL;
    size = sizeof attr;
  }
  /* An older kernel rejects a larger struct, so pass only the fields this ABI knows. */
  long fd = syscall(SYS_landlock_create_ruleset, &attr, size, 0);
  return fd < 0 ? -errno : (int)fd;
}
