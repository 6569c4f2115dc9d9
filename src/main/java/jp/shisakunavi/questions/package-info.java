/**
 * What citizens asked: every question the bot receives (in LINE and in the simulator) with how it was answered and
 * the feedback given on the answer, under a salted pseudonymous key instead of the LINE user id and kept for a
 * configurable time; the console's review of questions the bot could not answer, and its statistics. The
 * conversation reports questions and feedback through {@link jp.shisakunavi.questions.QuestionLog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Questions")
package jp.shisakunavi.questions;
