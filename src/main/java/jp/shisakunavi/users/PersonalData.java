package jp.shisakunavi.users;

/**
 * A store that keeps something about LINE users. Every module that keeps LINE user ids implements it, so that
 * erasing a user ({@link LineUsers#erase}) reaches everything and nothing is forgotten when a store is added.
 * Erasing must be idempotent: a user may confirm twice, and an erasure interrupted by a crash is repeated.
 */
public interface PersonalData {

	void erase(LineUserId user);
}
