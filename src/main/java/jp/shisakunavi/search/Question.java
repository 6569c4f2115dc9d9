package jp.shisakunavi.search;

/**
 * A question as a citizen typed it.
 *
 * @param text untrusted text of any length and characters
 * @param municipality the city the asker chose earlier, used when the question names none; may be null
 * @param limit how many results at most (lists ignore it and return the whole list)
 */
public record Question(String text, String municipality, int limit) {
}
