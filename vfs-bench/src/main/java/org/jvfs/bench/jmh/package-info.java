/**
 * JMH micro benchmarks of jvfs: lookup hit, negative hit, stat miss, open and small read through a
 * {@link org.jvfs.Vfs}, and the cost of the native call wrappers. Run them from the shaded jar with
 * {@code java -cp vfs-bench/target/vfs-bench.jar org.openjdk.jmh.Main}.
 */
@NullMarked
package org.jvfs.bench.jmh;

import org.jspecify.annotations.NullMarked;
