package jp.shisakunavi.staff;

/**
 * Someone asked for the round's reminder now (「今すぐ督促する」), outside the ladder: the reporters of the
 * departments that still owe something are sent it at once, whatever the hour, once per round and day.
 */
public record RemindersRequested(String roundId, String requestedBy) {
}
