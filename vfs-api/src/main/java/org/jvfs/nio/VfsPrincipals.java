package org.jvfs.nio;

import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * Users and groups of jvfs file systems: backends keep numeric ids only, so a principal's name is
 * its id in decimal ({@code "1000"}), and the lookup service knows exactly the names that are
 * non-negative decimal numbers.
 */
final class VfsPrincipals {
  /** The lookup service shared by every jvfs file system. */
  static final UserPrincipalLookupService LOOKUP =
      new UserPrincipalLookupService() {
        @Override
        public UserPrincipal lookupPrincipalByName(String name)
            throws UserPrincipalNotFoundException {
          return user(id(name));
        }

        @Override
        public GroupPrincipal lookupPrincipalByGroupName(String group)
            throws UserPrincipalNotFoundException {
          return group(id(group));
        }
      };

  private VfsPrincipals() {}

  private static int id(String name) throws UserPrincipalNotFoundException {
    try {
      int id = Integer.parseInt(name);
      if (id >= 0 && String.valueOf(id).equals(name)) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new UserPrincipalNotFoundException(name);
  }

  /** Returns the user with {@code uid}. */
  static UserPrincipal user(int uid) {
    return new User(uid);
  }

  /** Returns the group with {@code gid}. */
  static GroupPrincipal group(int gid) {
    return new Group(gid);
  }

  /** Returns the numeric id of a principal this class made, or throws ProviderMismatch. */
  static int idOf(UserPrincipal p) {
    if (p instanceof User u) {
      return u.id;
    }
    if (p instanceof Group g) {
      return g.id;
    }
    throw new java.nio.file.ProviderMismatchException("not a jvfs principal: " + p);
  }

  private record User(int id) implements UserPrincipal {
    @Override
    public String getName() {
      return Integer.toString(id);
    }

    @Override
    public String toString() {
      return "user:" + id;
    }
  }

  private record Group(int id) implements GroupPrincipal {
    @Override
    public String getName() {
      return Integer.toString(id);
    }

    @Override
    public String toString() {
      return "group:" + id;
    }
  }
}
