package org.civicca.api.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an API method. Every {@code /api/} handler carries one: a handler without it is refused
 * to everybody, so a forgotten annotation closes a door rather than opening it. Agency scoping for clerks is the
 * services' job, on top of this.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Permit {

    Role[] value();
}
