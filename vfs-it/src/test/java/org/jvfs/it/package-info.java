/**
 * Integration tests: real libraries that take a {@link java.nio.file.Path} (the JDK's zipfs, Guava,
 * Commons IO, Commons Compress, Lucene) run unchanged on jvfs file systems over the memory backend,
 * with the dentry cache on and off.
 */
@NullMarked
package org.jvfs.it;

import org.jspecify.annotations.NullMarked;
