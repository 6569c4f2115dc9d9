package jp.shisakunavi.line;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A LINE user as the conversation remembers them: the city they chose and whether they still follow the bot.
 */
@Document("citizens")
record Citizen(@Id String userId, String municipality, boolean active, Instant updatedAt) {
}
