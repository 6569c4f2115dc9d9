package jp.shisakunavi.notify;

/** A store of notifications that keeps LINE user ids, and must forget one when the user deletes their data. */
interface PersonalData {

	void erase(String userId);
}
