package jp.shisakunavi.faq;

import java.time.Instant;

/**
 * A seed file that changed (or disappeared) after its entry was changed or deleted by people: shown in the
 * console until an editor keeps the console's version, takes the file's, or merges them by hand.
 *
 * @param file the file as named in the folder, e.g. {@code faq/tajimi/rating/a.yaml}
 * @param checksum of the file's bytes; null when the file was removed
 * @param content what the file says; null when the file was removed
 */
public record FileOffer(String file, String checksum, FaqDraft content, Instant seenAt) {

	public boolean removed() {
		return content == null;
	}
}
