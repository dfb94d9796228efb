/**
 * The {@code jvfs} command: {@code doctor} (what this machine and JDK offer jvfs), {@code bench}
 * (the workload runner with a progress bar, a table, JSON and an SVG chart) and {@code
 * ls|stat|cat|tree|find|du} over a mount spec ({@code memory}, {@code posix:DIR}, {@code aio:DIR},
 * {@code auto:DIR}). {@link org.jvfs.cli.Jvfs} is the entry point of {@code jvfs.jar}, which the
 * {@code jvfs} launcher at the repository's root builds and runs.
 */
@NullMarked
package org.jvfs.cli;

import org.jspecify.annotations.NullMarked;
