package org.trellis.runtime.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that scripts may call: the DSL's keywords. The sandbox lets scripts call these and
 * nothing else of Trellis, and "unknown keyword" messages suggest from them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Keyword {
}
