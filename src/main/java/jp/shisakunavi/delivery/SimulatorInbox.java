package jp.shisakunavi.delivery;

import java.util.List;

import jp.shisakunavi.users.LineUserId;

/**
 * The chat simulator's channel, as the simulator page reads it: what was delivered to its users ({@code sim-…}),
 * who are not LINE users, waits here as a multicast would reach a phone.
 */
public interface SimulatorInbox {

	/** The messages that arrived for a simulator user, oldest first, as LINE's message JSON; each once. */
	List<String> take(LineUserId user);
}
