#ifndef CLINUX_SHIM_H
#define CLINUX_SHIM_H
// Linux system headers that Swift's Glibc module does not export.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <spawn.h>
#include <malloc.h>

// accept4(2) is declared only under _GNU_SOURCE, which the Glibc module is not built with.
extern int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);
// So are pipe2(2) and posix_spawn_file_actions_addclosefrom_np(3) (glibc 2.34), which the tests'
// child processes use.
extern int pipe2(int pipefd[2], int flags);
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
#endif
