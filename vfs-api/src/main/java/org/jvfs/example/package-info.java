/** A runnable example of the jvfs API. */
@NullMarked
package org.jvfs.example;

import org.jspecify.annotations.NullMarked;
