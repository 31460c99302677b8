package org.civicca.core.message;

import java.util.Arrays;
import java.util.Locale;

/** A message of the catalogue with its arguments, to be read in whichever language its reader wants. */
public record Message(MessageKey key, Object[] args) {

    public Message {
        args = args.clone();
    }

    public static Message of(MessageKey key, Object... args) {
        return new Message(key, args);
    }

    public String in(Locale language) {
        return Messages.format(language, key, args);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message that && key.equals(that.key) && Arrays.equals(args, that.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return in(Messages.ENGLISH);
    }
}
