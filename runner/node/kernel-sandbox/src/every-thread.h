// Landlock restricts only the thread that asks for it; this makes every thread of the process ask.
#ifndef NIBBLE_EVERY_THREAD_H
#define NIBBLE_EVERY_THREAD_H

#include <stddef.h>

/* Sets no_new_privs and restricts every thread of the process (the caller last) to ruleset_fd.
   Returns the number of threads restricted, or -1 with the reason in err. */
int landlock_restrict_every_thread(int ruleset_fd, char *err, size_t err_size);

#endif
