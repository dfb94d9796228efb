/**
 * The conformance kit: a reference model of a POSIX tree, operations that run on it and on a {@link
 * org.jvfs.Vfs}, and backend wrappers for tests of the nonblocking contract.
 */
@NullMarked
package org.jvfs.testkit;

import org.jspecify.annotations.NullMarked;
