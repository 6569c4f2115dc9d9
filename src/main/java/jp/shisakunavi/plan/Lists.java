package jp.shisakunavi.plan;

import java.util.List;

/** Absent lists in data files and documents read as empty, so that nothing downstream checks for null. */
final class Lists {

	private Lists() {
	}

	static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : List.copyOf(list);
	}
}
