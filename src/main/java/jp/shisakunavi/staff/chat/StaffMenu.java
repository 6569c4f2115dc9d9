package jp.shisakunavi.staff.chat;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.shisakunavi.line.RichMenu;

/** The rich menu staff see instead of the citizens' one: 報告状況 / 報告する / 締切 / 使い方. */
@Configuration(proxyBeanMethods = false)
class StaffMenu {

	static final String NAME = "staff";
	static final String STATUS = "報告状況";
	static final String REPORT = "報告する";
	static final String DUE = "締切";
	/** The staff menu's 使い方: not the citizens' 使い方, which the same person may still ask for. */
	static final String HELP = "職員の使い方";
	static final String STOP = "やめる";

	@Bean
	RichMenu staffRichMenu() {
		return new RichMenu(NAME, "職員メニュー", List.of(new RichMenu.Button(STATUS, STATUS),
				new RichMenu.Button(REPORT, REPORT), new RichMenu.Button(DUE, DUE), new RichMenu.Button("使い方", HELP)));
	}
}
