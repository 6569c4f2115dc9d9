package jp.shisakunavi.faq;

/** The entry a change was meant for does not exist or was deleted meanwhile; nothing was written. */
public class FaqEntryGone extends IllegalArgumentException {

	FaqEntryGone(String id, boolean deleted) {
		super(deleted ? "この FAQ（" + id + "）は削除されています。必要なら履歴から元に戻してください"
				: "FAQ「" + id + "」はありません");
	}
}
