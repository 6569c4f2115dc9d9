package jp.shisakunavi.system;

import java.util.List;

/** Lines a module adds to the start-up banner (never secrets: the banner goes to the log). */
public interface StartupNotice {

	List<String> lines(String baseUrl);
}
