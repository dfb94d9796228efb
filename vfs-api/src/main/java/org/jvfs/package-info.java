/**
 * jvfs: an asynchronous virtual file system whose lookups of cached paths never block.
 *
 * <p>Build a {@link org.jvfs.Vfs} with {@link org.jvfs.Vfs#builder()}, mount backends at paths,
 * then use its asynchronous operations ({@link org.jvfs.Vfs#lookup}, {@link org.jvfs.Vfs#open},
 * {@link org.jvfs.Vfs#readAllBytes}, ...) or the nonblocking {@link org.jvfs.Vfs#lookupNow}, which
 * answers from the dentry cache at once or says {@link org.jvfs.LookupResult.Status#MISS}.
 */
@NullMarked
package org.jvfs;

import org.jspecify.annotations.NullMarked;
