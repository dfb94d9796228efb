package org.jvfs.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.ProviderMismatchException;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import org.junit.jupiter.api.Test;

class VfsPrincipalsTest {

  @Test
  void lookup_numericNamesOnly() throws Exception {
    UserPrincipal u = VfsPrincipals.LOOKUP.lookupPrincipalByName("1000");
    GroupPrincipal g = VfsPrincipals.LOOKUP.lookupPrincipalByGroupName("1000");
    assertThat(u).isEqualTo(VfsPrincipals.user(1000)).isNotEqualTo(g);
    assertThat(u.getName()).isEqualTo("1000");
    assertThat(VfsPrincipals.idOf(g)).isEqualTo(1000);
    assertThatThrownBy(() -> VfsPrincipals.LOOKUP.lookupPrincipalByName("root"))
        .isInstanceOf(UserPrincipalNotFoundException.class);
    assertThatThrownBy(() -> VfsPrincipals.LOOKUP.lookupPrincipalByName("-1"))
        .isInstanceOf(UserPrincipalNotFoundException.class);
    assertThatThrownBy(() -> VfsPrincipals.LOOKUP.lookupPrincipalByName("007"))
        .isInstanceOf(UserPrincipalNotFoundException.class);
  }

  @Test
  void idOf_foreignPrincipal_mismatch() {
    assertThatThrownBy(() -> VfsPrincipals.idOf(() -> "x"))
        .isInstanceOf(ProviderMismatchException.class);
  }
}
