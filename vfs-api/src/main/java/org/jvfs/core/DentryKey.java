package org.jvfs.core;

import org.jvfs.spi.Name;

/**
 * The cache key of a child: its parent dentry's id and its name.
 *
 * @param parentId the parent dentry's VFS-assigned id
 * @param name the child's name
 */
record DentryKey(long parentId, Name name) {}
