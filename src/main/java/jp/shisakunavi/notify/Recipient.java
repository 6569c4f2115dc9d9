package jp.shisakunavi.notify;

import java.util.List;

/**
 * A citizen a delivery reaches, with the changes that concern them (empty for an announcement): citizens with
 * the same changes get the same message.
 */
record Recipient(String userId, List<String> changeIds) {

	Batch.Channel channel() {
		return SimulatorInbox.isSimulatorUser(userId) ? Batch.Channel.SIMULATOR : Batch.Channel.LINE;
	}
}
