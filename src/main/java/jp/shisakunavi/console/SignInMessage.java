package jp.shisakunavi.console;

/** Why a sign-in was refused, in the words the sign-in page shows (reason codes from the account module). */
final class SignInMessage {

	private SignInMessage() {
	}

	static String of(String reason, long seconds) {
		return switch (reason) {
			case "slow_down" -> "続けて間違えたため、" + duration(seconds) + "待ってからもう一度お試しください。";
			case "locked" -> "パスワードを続けて間違えたため、このアカウントはロックされています。" + duration(seconds)
					+ "たってからお試しいただくか、管理者にロックの解除を依頼してください。";
			case "address" -> "この接続元からのサインインの失敗が多すぎます。" + duration(seconds) + "たってからお試しください。";
			case "busy" -> "サインインが混み合っています。数秒待ってからもう一度お試しください。";
			default -> "ユーザー名かパスワードが違います。";
		};
	}

	private static String duration(long seconds) {
		if (seconds <= 0) {
			return "しばらく";
		}
		return seconds < 60 ? seconds + "秒" : (seconds + 59) / 60 + "分";
	}
}
