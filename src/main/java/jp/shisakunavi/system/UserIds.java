package jp.shisakunavi.system;

/** LINE user ids are personal data: logs and admin screens carry a short one-way hash instead. */
public final class UserIds {

	private UserIds() {
	}

	public static String masked(String userId) {
		if (userId == null) {
			return "-";
		}
		return "u:" + Sha256.hex(userId).substring(0, 8);
	}
}
