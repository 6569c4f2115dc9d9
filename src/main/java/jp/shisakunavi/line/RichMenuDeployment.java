package jp.shisakunavi.line;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Puts the rich menu on the LINE channel: creates it, uploads its image to the blob endpoint and makes it every
 * user's default. Run once per change of the menu:
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--richmenu.deploy} (with the LINE credentials set;
 * {@code --richmenu.image=FILE.png} uploads a designed image instead of the generated one). The service exits after.
 */
@Component
class RichMenuDeployment implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RichMenuDeployment.class);
	static final String DEPLOY = "richmenu.deploy";

	private final MessagingApiClient client;
	private final MessagingApiBlobClient blobs;
	private final LineCredentials credentials;
	private final ApplicationContext context;

	RichMenuDeployment(MessagingApiClient client, MessagingApiBlobClient blobs, LineCredentials credentials,
			ApplicationContext context) {
		this.client = client;
		this.blobs = blobs;
		this.credentials = credentials;
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
			byte[] image = args.containsOption("richmenu.image")
					? Files.readAllBytes(Path.of(args.getOptionValues("richmenu.image").getFirst())) : RichMenuImage.png();
			String id = deploy(image);
			log.info("Rich menu {} is now the default menu of the channel", id);
		}
		catch (Exception e) {
			log.error("The rich menu was not deployed: {}", e.getMessage());
			code = 1;
		}
		int exit = code;
		System.exit(SpringApplication.exit(context, () -> exit));
	}

	/** @return the id LINE gave the new menu */
	String deploy(byte[] png) throws Exception {
		String id = client.createRichMenu(RichMenu.request()).get(30, TimeUnit.SECONDS).body().richMenuId();
		blobs.setRichMenuImage(id, UploadFile.fromByteArray(png, "image/png")).get(60, TimeUnit.SECONDS);
		client.setDefaultRichMenu(id).get(30, TimeUnit.SECONDS);
		return id;
	}
}
