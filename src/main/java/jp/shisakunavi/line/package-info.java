/**
 * The conversation with citizens in LINE: the webhook, answers as Flex cards and quick replies, the rich menu,
 * and the local chat simulator that goes through the same answers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LINE")
package jp.shisakunavi.line;
