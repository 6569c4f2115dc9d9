package jp.shisakunavi.search;

/**
 * What a rating symbol means in one plan's legend (評価C = 目標に向けて実施 in 多治見市's 第4次 plan). A question
 * about ratings without a symbol (評価の見方は？) gets every symbol of the legends.
 */
public record RatingMeaning(String municipality, String planId, String plan, String symbol, String meaning) {
}
