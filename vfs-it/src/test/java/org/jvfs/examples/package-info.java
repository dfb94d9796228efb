/**
 * The README's code, as classes that compile and run: every {@code java} block of README.md is a
 * region of one of these files ({@code // region NAME} to {@code // endregion}), and {@link
 * org.jvfs.examples.ReadmeExamplesTest} checks both that the blocks equal the regions and that the
 * examples print what they should.
 */
package org.jvfs.examples;
