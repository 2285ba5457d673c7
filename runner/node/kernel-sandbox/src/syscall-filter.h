// seccomp-bpf: the system calls a runner makes once it has started, and no others.
#ifndef NIBBLE_SYSCALL_FILTER_H
#define NIBBLE_SYSCALL_FILTER_H

#include <stddef.h>

/* Installs the filter on every thread of the process (no_new_privs must be set). Returns the
   number of system calls it allows, or -1 with the reason in err. */
int syscall_filter_install(char *err, size_t err_size);

#endif
