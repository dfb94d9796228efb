// The C side of the JNR wrapper-cost comparison (org.jvfs.bench.jmh.PosixNativeBenchmark): ns per
// call on the files of one directory of the workload tree (DIR/d000/f0000 ..), called the way the
// posix backend calls them: relative to a held O_PATH directory fd, on names, no path walk.
//   build: gcc -O2 -o syscall_loop vfs-bench/src/main/c/syscall_loop.c
//   run:   ./syscall_loop DIR/d000 NFILES MODE [ITERATIONS] [REPS]
//   MODE:  statx   statx(dirfd, name, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS|STATX_BTIME)
//          fstatat fstatat(dirfd, name, AT_SYMLINK_NOFOLLOW)
//          openat  openat(dirfd, name, O_RDONLY|O_CLOEXEC|O_NOFOLLOW) + close
//          openat2 openat2(dirfd, name, {same flags, RESOLVE_BENEATH|RESOLVE_NO_MAGICLINKS}) + close
// Prints the median (and best) over REPS runs of ITERATIONS calls each, names taken round-robin.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

#ifndef SYS_openat2
#define SYS_openat2 437
#endif
struct how { unsigned long long flags, mode, resolve; };

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s DIR NFILES statx|fstatat|openat|openat2 [ITERATIONS] [REPS]\n",
            argv[0]);
    return 2;
  }
  const char *dir = argv[1];
  int nfiles = atoi(argv[2]);
  const char *mode = argv[3];
  long iterations = argc > 4 ? atol(argv[4]) : 1000000;
  int reps = argc > 5 ? atoi(argv[5]) : 5;
  int m = !strcmp(mode, "statx") ? 0 : !strcmp(mode, "fstatat") ? 1 : !strcmp(mode, "openat") ? 2
          : !strcmp(mode, "openat2") ? 3 : -1;
  if (m < 0) {
    fprintf(stderr, "unknown mode %s\n", mode);
    return 2;
  }
  if (nfiles < 1 || iterations < 1 || reps < 1 || reps > 100) {
    fprintf(stderr, "NFILES, ITERATIONS and REPS must be positive (REPS <= 100)\n");
    return 2;
  }
  int dirfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (dirfd < 0) {
    perror(dir);
    return 1;
  }
  char (*names)[16] = malloc(sizeof(*names) * nfiles);
  for (int i = 0; i < nfiles; i++) snprintf(names[i], sizeof names[i], "f%04d", i);
  double results[100];
  long long sink = 0;
  for (int r = 0; r < reps; r++) {
    long long t0 = now_ns();
    int j = 0;
    for (long i = 0; i < iterations; i++) {
      if (m == 0) {
        struct statx sx;
        if (statx(dirfd, names[j], AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS | STATX_BTIME, &sx)) {
          perror(names[j]);
          return 1;
        }
        sink += sx.stx_size;
      } else if (m == 1) {
        struct stat st;
        if (fstatat(dirfd, names[j], &st, AT_SYMLINK_NOFOLLOW)) {
          perror(names[j]);
          return 1;
        }
        sink += st.st_size;
      } else {
        int fd;
        if (m == 2) {
          fd = openat(dirfd, names[j], O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        } else {
          struct how h = {O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0, 0x08 | 0x02};
          fd = (int)syscall(SYS_openat2, dirfd, names[j], &h, sizeof h);
        }
        if (fd < 0) {
          perror(names[j]);
          return 1;
        }
        sink += fd;
        close(fd);
      }
      if (++j == nfiles) j = 0;
    }
    results[r] = (double)(now_ns() - t0) / iterations;
  }
  qsort(results, reps, sizeof results[0], cmp);
  printf("%s files=%d iterations=%ld reps=%d median_ns_per_op=%.1f best_ns_per_op=%.1f (sink %lld)\n",
         mode, nfiles, iterations, reps, results[reps / 2], results[0], sink & 1);
  return 0;
}
