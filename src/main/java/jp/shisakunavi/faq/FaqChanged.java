package jp.shisakunavi.faq;

/** Published after FAQ entries were added, changed or removed in the database. */
public record FaqChanged(int changed, int removed) {
}
