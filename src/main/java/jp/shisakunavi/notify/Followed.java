package jp.shisakunavi.notify;

/** A topic a citizen follows, with the words to show for it. */
public record Followed(Topic topic, String label) {
}
