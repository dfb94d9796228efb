/**
 * The VFS core: path parsing, the path walker, the dentry cache, mounts and the operations behind
 * {@link org.jvfs.Vfs}. Not API: types here are public only so that {@code org.jvfs} can reach
 * them, and may change in any release.
 */
@NullMarked
package org.jvfs.core;

import org.jspecify.annotations.NullMarked;
