/**
 * The conformance kit: JUnit 5 suites every backend and every file system runs, and backend
 * wrappers that make hostile environments.
 */
@NullMarked
package org.jvfs.testkit;

import org.jspecify.annotations.NullMarked;
