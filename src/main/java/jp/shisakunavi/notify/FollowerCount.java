package jp.shisakunavi.notify;

/**
 * How many citizens follow one topic.
 *
 * @param municipality the city the topic belongs to
 * @param label the topic in the words the settings card shows
 */
public record FollowerCount(String municipality, Topic.Type type, String label, long followers) {
}
