package jp.shisakunavi.faq;

/**
 * One file of the seed folder (or of the built-in copy in the jar).
 *
 * @param id the entry it holds: its path below {@code faq/} without {@code .yaml}
 * @param name the file as people find it, e.g. {@code faq/tajimi/rating/a.yaml}
 */
record SeedFile(String id, String name, byte[] content) {

	String checksum() {
		return FaqFileReader.checksum(content);
	}
}
