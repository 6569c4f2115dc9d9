package jp.shisakunavi.plan;

import java.util.List;

/**
 * Published after rating changes were recorded and applied. Only a nudge: the changes themselves are durable in
 * {@link RatingChanges}, so whoever misses the event (a crash, another instance) finds them there.
 */
public record RatingsChanged(List<String> changeIds) {
}
