package jp.shisakunavi.notify;

/**
 * Whom a rating change not recorded yet would be told about: the citizens who follow any of its topics (its city,
 * pillar, department, theme or the measure itself), and the words of the notice they would get.
 */
public record ChangeReach(long followers, String text) {
}
