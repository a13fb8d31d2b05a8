/**
 * Free text a person types: printable, bounded, no control or bidirectional-override characters, and
 * well-formed UTF-16 (a lone surrogate such as "\ud800" cannot be stored: PostgreSQL's JSON refuses it).
 */
export const PLAIN_TEXT = /^(?:[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
