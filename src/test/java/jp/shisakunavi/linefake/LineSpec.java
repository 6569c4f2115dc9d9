package jp.shisakunavi.linefake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;

/**
 * LINE's Messaging API description from {@code shared/line-openapi/}, read once. LINE's schemas name
 * {@code type} as the discriminator of messages and actions without listing it as required, which the validator
 * refuses as a malformed schema; since a discriminator has to be present anyway, it is marked required here.
 */
final class LineSpec {

	private LineSpec() {
	}

	static OpenAPI messagingApi() {
		OpenAPI api = new OpenAPIV3Parser().read(find("messaging-api.yml").toString());
		api.getComponents().getSchemas().values().forEach(LineSpec::requireDiscriminator);
		return api;
	}

	@SuppressWarnings("rawtypes")
	private static void requireDiscriminator(Schema schema) {
		if (schema.getDiscriminator() == null || schema.getDiscriminator().getPropertyName() == null) {
			return;
		}
		String property = schema.getDiscriminator().getPropertyName();
		List<String> required = schema.getRequired() == null ? new ArrayList<>() : new ArrayList<>(schema.getRequired());
		if (!required.contains(property)) {
			required.add(property);
			schema.setRequired(required);
		}
	}

	static Path find(String file) {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			for (Path candidate : List.of(dir.resolve("shared/line-openapi").resolve(file),
					dir.resolve("../shared/line-openapi").resolve(file))) {
				if (Files.exists(candidate)) {
					return candidate.normalize();
				}
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("LINE's OpenAPI file shared/line-openapi/" + file + " is not beside the project");
	}
}
