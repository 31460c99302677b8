package org.civicca.core;

import java.util.Locale;
import java.util.Optional;
import org.civicca.core.message.MessageKey;
import org.civicca.core.message.Messages;

/**
 * A refusal by the CA, carrying the rule that was broken. The detail names the field and the rule and
 * never echoes secrets; callers may show it to the client as is, in any language of the catalogue
 * ({@link #detail(Locale)}); {@link #getMessage()} is the English one, for logs.
 */
public class CaException extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final MessageKey message;
    private final Object[] args;

    public CaException(ErrorCode code, String field, MessageKey message, Object... args) {
        this(code, field, null, message, args);
    }

    public CaException(ErrorCode code, String field, Throwable cause, MessageKey message, Object... args) {
        super(Messages.format(Messages.ENGLISH, message, args), cause);
        this.code = code;
        this.field = field;
        this.message = message;
        this.args = args.clone();
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public MessageKey messageKey() {
        return message;
    }

    /** The detail in the catalogue's language nearest to {@code locale}. */
    public String detail(Locale locale) {
        return Messages.format(locale, message, args);
    }
}
