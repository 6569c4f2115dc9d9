package jp.shisakunavi.linefake;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;

/**
 * LINE's Messaging API description, read once: a copy of {@code shared/line-openapi/messaging-api.yml} (LINE's
 * line-openapi, Apache-2.0, its LICENSE beside it) shipped in the test resources, so that a clone tests alone.
 * LINE's schemas name {@code type} as the discriminator of messages and actions without listing it as required,
 * which the validator refuses as a malformed schema; since a discriminator has to be present anyway, it is marked
 * required here.
 */
final class LineSpec {

	private LineSpec() {
	}

	static OpenAPI messagingApi() {
		URL file = LineSpec.class.getResource("/line-openapi/messaging-api.yml");
		if (file == null) {
			throw new IllegalStateException("LINE's OpenAPI file line-openapi/messaging-api.yml is not in the test resources");
		}
		OpenAPI api = new OpenAPIV3Parser().read(file.toString());
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
}
