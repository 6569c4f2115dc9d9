package jp.shisakunavi.faq;

/**
 * Published when FAQ entries changed in the database, by this instance or (seen through the revision) another.
 *
 * @param revision the FAQ's revision after the change; it only grows
 */
public record FaqChanged(long revision) {
}
