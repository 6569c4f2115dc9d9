package jp.shisakunavi.line;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import com.linecorp.bot.client.base.UploadFile;
import com.linecorp.bot.messaging.client.MessagingApiBlobClient;
import com.linecorp.bot.messaging.client.MessagingApiClient;

import jp.shisakunavi.system.LineCredentials;

/**
 * Puts the rich menus on the LINE channel: creates each, uploads its image to the blob endpoint, makes the
 * citizens' menu every user's default and remembers the others' ids, so that the users shown one
 * ({@link RichMenus#show}) are linked to it. Run once per change of a menu:
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--richmenu.deploy} (with the LINE credentials set;
 * {@code --richmenu.image=FILE.png} uploads a designed image for the citizens' menu instead of the generated one).
 * The service exits after.
 */
@Component
class RichMenuDeployment implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RichMenuDeployment.class);
	static final String DEPLOY = "richmenu.deploy";

	private final MessagingApiClient client;
	private final MessagingApiBlobClient blobs;
	private final LineCredentials credentials;
	private final RichMenus menus;
	private final ApplicationContext context;

	RichMenuDeployment(MessagingApiClient client, MessagingApiBlobClient blobs, LineCredentials credentials,
			RichMenus menus, ApplicationContext context) {
		this.client = client;
		this.blobs = blobs;
		this.credentials = credentials;
		this.menus = menus;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!args.containsOption(DEPLOY)) {
			return;
		}
		int code = 0;
		try {
			if (!credentials.configured()) {
				throw new IllegalStateException("Set LINE_CHANNEL_TOKEN and LINE_CHANNEL_SECRET to deploy the rich menu");
			}
			byte[] citizens = args.containsOption("richmenu.image")
					? Files.readAllBytes(Path.of(args.getOptionValues("richmenu.image").getFirst())) : null;
			deploy(menu -> menu == RichMenu.CITIZENS && citizens != null ? citizens : RichMenuImage.png(menu))
				.forEach((name, id) -> log.info("Rich menu {} is deployed as {}", name, id));
		}
		catch (Exception e) {
			log.error("The rich menu was not deployed: {}", e.getMessage());
			code = 1;
		}
		int exit = code;
		System.exit(SpringApplication.exit(context, () -> exit));
	}

	/**
	 * Deploys every menu with its image; the citizens' becomes the default.
	 *
	 * @return the id LINE gave each menu, by name
	 */
	Map<String, String> deploy(Function<RichMenu, byte[]> images) throws Exception {
		Map<String, String> ids = new LinkedHashMap<>();
		for (RichMenu menu : menus.all()) {
			String id = client.createRichMenu(menu.request()).get(30, TimeUnit.SECONDS).body().richMenuId();
			blobs.setRichMenuImage(id, UploadFile.fromByteArray(images.apply(menu), "image/png")).get(60, TimeUnit.SECONDS);
			if (menu == RichMenu.CITIZENS) {
				client.setDefaultRichMenu(id).get(30, TimeUnit.SECONDS);
			}
			menus.deployed(menu.name(), id);
			ids.put(menu.name(), id);
		}
		menus.resync();
		return ids;
	}
}
