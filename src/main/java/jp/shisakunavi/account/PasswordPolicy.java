package jp.shisakunavi.account;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user name and a password must be. Lengths are checked before anything is hashed: bcrypt reads only the
 * first 72 bytes, and a megabyte "password" must cost nothing.
 */
final class PasswordPolicy {

	static final int MIN_PASSWORD = 10;
	static final int MAX_PASSWORD = 128;
	static final int MAX_USERNAME = 64;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	static String username(String given) {
		String username = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
		if (!USERNAME.matcher(username).matches()) {
			throw new IllegalArgumentException("ユーザー名は半角の英小文字・数字と . _ @ - で、3〜64文字にしてください");
		}
		return username;
	}

	static void check(String password, String username) {
		if (password == null || password.length() < MIN_PASSWORD) {
			throw new IllegalArgumentException("パスワードは" + MIN_PASSWORD + "文字以上にしてください");
		}
		if (password.length() > MAX_PASSWORD) {
			throw new IllegalArgumentException("パスワードは" + MAX_PASSWORD + "文字までにしてください");
		}
		if (password.equalsIgnoreCase(username) || password.chars().distinct().count() < 4) {
			throw new IllegalArgumentException("ユーザー名と同じものや、同じ文字の繰り返しはパスワードにできません");
		}
	}

	/** A password to hand over once (16 characters without look-alikes such as l, 1, O and 0). */
	static String generate() {
		StringBuilder password = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
