package jp.shisakunavi.faq;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version in an entry's history: what the entry said after a change, who made it and how. Versions are
 * numbered 1, 2, 3 … per entry; any of them can be restored (which adds a new one).
 *
 * @param id {@code <entry id>@<number>}
 * @param content the entry's content after the change; for {@link Change#FILE_OFFERED} the file's, which the
 *        entry has not taken ({@code applied} false)
 * @param deleted the entry was deleted by this change
 * @param applied whether {@code content} became the entry's content
 * @param by the account's user name, {@code system} for the seed folder
 */
@Document("faq_versions")
public record FaqVersion(@Id String id, String entryId, long number, FaqDraft content, boolean deleted, boolean applied,
		Change change, Instant at, String by) {

	static String idOf(String entryId, long number) {
		return entryId + "@" + number;
	}

	/** What a change was, in the words the console shows. */
	public enum Change {

		FILE_LOADED("ファイルから読み込み"),
		FILE_UPDATED("ファイルの変更を反映"),
		FILE_REMOVED("ファイルの削除を反映"),
		FILE_OFFERED("ファイルが変わりました（未反映・選択待ち）"),
		FILE_MATCHES("ファイルが管理画面の内容と同じになりました"),
		FILE_REVERTED("ファイルが元の版に戻りました（選択待ちを取り消し）"),
		CREATED("作成"),
		EDITED("編集"),
		ALTERNATES_ADDED("言い換えを追加"),
		IMPORTED("取り込み"),
		DELETED("削除"),
		RESTORED("以前の版に戻す"),
		KEPT("管理画面の版を残す（ファイルの版は取り込まない）"),
		FILE_TAKEN("ファイルの版を採用"),
		MERGED("ファイルの版と手で統合");

		private final String label;

		Change(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
