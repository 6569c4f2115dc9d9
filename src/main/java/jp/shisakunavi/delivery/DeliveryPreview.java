package jp.shisakunavi.delivery;

import java.util.List;

/**
 * Who a delivery would reach, without writing or sending anything (a dry run).
 *
 * @param recipients users it concerns who can be reached; {@code sendNow} of them would get it now, {@code held}
 *        are over their daily cap; {@code lineUsers} and {@code simulatorUsers} by channel
 * @param sample a few recipients, masked (LINE user ids are personal data)
 */
public record DeliveryPreview(long recipients, long sendNow, long held, long lineUsers, long simulatorUsers,
		List<String> sample) {
}
