/**
 * The testkit's property engine: seeded generators, value and stateful (action-chain) properties,
 * shrinking, replay by seed, and coverage statistics, on plain JUnit 5 tests.
 *
 * <h2>For backend authors</h2>
 *
 * <p>A property is a claim checked on many generated cases. {@link
 * org.jvfs.testkit.property.Property#chains} checks a stateful claim: a chain of random actions
 * runs on a fresh state (a {@code Vfs} over your backend and a model, say) and every action must
 * agree with the model. The testkit's own kits ({@code CoherencePropertiesKit}, {@code
 * ConcurrencyPropertiesKit}) are built on it and take your backend through one method.
 *
 * <ul>
 *   <li><b>Generators</b> ({@link org.jvfs.testkit.property.Gen}) draw every random decision from
 *       {@link org.jvfs.testkit.property.Choices}, so a case is fully described by its choices: a
 *       seed replays it, and the shrinker simplifies it by deleting and lowering choices.
 *   <li><b>Shrinking</b>: a failing chain loses runs of actions, then single actions and list
 *       elements, then its arguments are simplified (the first option, the low end of a range,
 *       shorter contents), until no simpler chain fails. The failure prints the shrunk chain as
 *       code, one action a line.
 *   <li><b>Replay</b>: the failure names its seed; {@code -Djvfs.seed=N} (with {@code
 *       -Dtest=Class#method}) runs exactly that case again and shrinks it the same way.
 *   <li><b>Coverage</b>: the body records labels with {@link
 *       org.jvfs.testkit.property.Coverage#record}; requirements such as {@code
 *       Coverage.tried("link ok")} fail the property when the generators never tried what it needs.
 *       {@code -Djvfs.stats=true} prints the statistics.
 *   <li><b>Long runs</b>: {@code -Djvfs.tries=10} multiplies every property's tries.
 * </ul>
 */
@NullMarked
package org.jvfs.testkit.property;

import org.jspecify.annotations.NullMarked;
