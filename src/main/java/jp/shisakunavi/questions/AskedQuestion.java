package jp.shisakunavi.questions;

import jp.shisakunavi.search.Answer;
import jp.shisakunavi.users.LineUserId;

/**
 * A question the bot answered, as the conversation reports it.
 *
 * @param text what the citizen wrote
 * @param asker who asked: only a salted key made from it is stored
 * @param municipality the city the question was answered for (named in it or chosen before), or null
 * @param answer what the search answered
 */
public record AskedQuestion(String text, LineUserId asker, String municipality, Answer answer) {
}
