package jp.shisakunavi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void modulesOnlyUseEachOthersPublicTypes() {
		ApplicationModules.of(ShisakuNaviApplication.class).verify();
	}
}
