// Landlock: a ruleset that handles every access right the kernel knows and grants none.
#ifndef NIBBLE_LANDLOCK_H
#define NIBBLE_LANDLOCK_H

/* The kernel's Landlock ABI version, or -errno when Landlock is missing or disabled. */
int landlock_abi(void);

/* A ruleset fd denying all filesystem access (and TCP, abstract sockets and signals to other
   processes where the ABI has them), or -errno. */
int landlock_deny_all_ruleset(int abi);

#endif
