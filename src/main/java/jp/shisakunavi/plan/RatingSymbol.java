package jp.shisakunavi.plan;

/** One line of a plan's legend: {@code B} means 目標どおりに実施. */
public record RatingSymbol(String symbol, String meaning, RatingState state) {
}
