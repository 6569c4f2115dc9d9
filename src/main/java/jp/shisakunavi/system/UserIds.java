package jp.shisakunavi.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** LINE user ids are personal data: logs and admin screens carry a short one-way hash instead. */
public final class UserIds {

	private UserIds() {
	}

	public static String masked(String userId) {
		if (userId == null) {
			return "-";
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
			return "u:" + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JVM", e);
		}
	}
}
