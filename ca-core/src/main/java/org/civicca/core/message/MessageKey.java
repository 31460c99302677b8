package org.civicca.core.message;

/**
 * A message of the catalogue, named by its key. Each module lists its own keys in an enum that implements this, so a
 * key that does not exist cannot be written; {@link Messages#missing} checks that every key has every translation.
 */
public interface MessageKey {

    /** The key in the catalogue: the enum constant's name. */
    String name();
}
