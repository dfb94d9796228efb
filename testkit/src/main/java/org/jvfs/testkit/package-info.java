/**
 * The conformance kit: abstract JUnit 5 suites that a file system (or a backend) extends to prove
 * it behaves like the JDK's default provider.
 *
 * <p>The kit lives in main scope so that other modules' tests can extend it. Its own tests run it
 * against the JDK default provider in a temporary directory: a kit test that fails there is a wrong
 * test.
 */
@NullMarked
package org.jvfs.testkit;

import org.jspecify.annotations.NullMarked;
