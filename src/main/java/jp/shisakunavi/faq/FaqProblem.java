package jp.shisakunavi.faq;

/**
 * What is wrong with one field of a draft, in Japanese for the editor.
 *
 * @param field the draft's field ({@code question}, {@code answer}, {@code alternates} …)
 */
public record FaqProblem(String field, String reason) {
}
