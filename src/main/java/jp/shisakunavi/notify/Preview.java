package jp.shisakunavi.notify;

import java.util.List;

import jp.shisakunavi.delivery.DeliveryPreview;

/**
 * Who a delivery would reach, without sending anything (dry run).
 *
 * @param recipients citizens it concerns who can be reached; {@code sendNow} of them get it, {@code heldForDigest}
 *        are over their daily cap; {@code lineUsers} and {@code simulatorUsers} by channel
 * @param sample a few recipients, masked (LINE user ids are personal data)
 * @param text the message most of them get
 */
public record Preview(long recipients, long sendNow, long heldForDigest, long lineUsers, long simulatorUsers,
		List<String> sample, String text) {

	static Preview of(DeliveryPreview preview, String text) {
		return new Preview(preview.recipients(), preview.sendNow(), preview.held(), preview.lineUsers(),
				preview.simulatorUsers(), preview.sample(), text);
	}
}
