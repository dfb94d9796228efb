/**
 * The jvfs workload runner: generates (or reuses) a tree of files, then runs jvfs and its JDK
 * alternatives side by side in one process and one run, and reports throughput, latency percentiles
 * and ratios against a JDK baseline. {@link org.jvfs.bench.Main} is the entry point of {@code
 * vfs-bench.jar}.
 */
@NullMarked
package org.jvfs.bench;

import org.jspecify.annotations.NullMarked;
