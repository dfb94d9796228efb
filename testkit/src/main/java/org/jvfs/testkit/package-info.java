/**
 * The conformance kit: JUnit 5 suites every backend runs ({@link
 * org.jvfs.testkit.BackendConformanceKit}), and backend wrappers usable by any test: {@link
 * org.jvfs.testkit.HandleTrackingBackend} finds leaked open files, {@link
 * org.jvfs.testkit.FaultInjectingBackend} injects errors, latency and short transfers.
 */
@NullMarked
package org.jvfs.testkit;

import org.jspecify.annotations.NullMarked;
