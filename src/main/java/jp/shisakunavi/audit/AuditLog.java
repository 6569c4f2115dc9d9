package jp.shisakunavi.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.shisakunavi.system.EmbeddedMongo;

/**
 * Records every change made through the console or the admin API, with who made it (the signed-in account),
 * how (browser or API token) and from where, taken from the request itself so that callers only say what changed.
 * An entry is written after the change succeeded and forced to disk before the request is answered.
 */
@Service
public class AuditLog {

	/** Request attribute naming how the request was authenticated, set by the authentication ({@code api:<name>}). */
	public static final String VIA_ATTRIBUTE = AuditLog.class.getName() + ".via";

	static final int MAX_STATE_LENGTH = 20_000;
	static final int PAGE_SIZE = 50;

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private final MongoTemplate mongo;
	private final EmbeddedMongo embedded;
	private final ObjectMapper json;
	private final Clock clock;

	AuditLog(MongoTemplate mongo, EmbeddedMongo embedded, ObjectMapper json, Clock clock) {
		this.mongo = mongo;
		this.embedded = embedded;
		this.json = json.copy().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		mongo.indexOps(AuditEntry.class).createIndex(new Index().on("at", Sort.Direction.DESC));
		mongo.indexOps(AuditEntry.class).createIndex(new Index().on("actor", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
		mongo.indexOps(AuditEntry.class).createIndex(new Index().on("municipalities", Sort.Direction.ASC));
	}

	/** Records a change made by whoever the current request is authenticated as (the service itself outside one). */
	public AuditEntry record(AuditChange change) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean person = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		ServletRequestAttributes request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r ? r : null;
		Object via = request == null ? null : request.getAttribute(VIA_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant(),
				person ? authentication.getName() : "system",
				via != null ? via.toString() : person ? "console" : "system",
				request == null ? null : request.getRequest().getRemoteAddr(), change.action(), change.summary(),
				change.target(), change.municipalities(), state(change.before()), state(change.after()));
		mongo.insert(entry);
		embedded.flush();
		return entry;
	}

	/** The newest entries first, {@value #PAGE_SIZE} a page (page 0 is the newest). */
	public AuditPage find(AuditFilter filter, int page) {
		if (page < 0 || page > 10_000) {
			throw new IllegalArgumentException("page must be between 0 and 10000");
		}
		Query query = query(filter).with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * PAGE_SIZE).limit(PAGE_SIZE + 1);
		List<AuditEntry> found = mongo.find(query, AuditEntry.class);
		boolean more = found.size() > PAGE_SIZE;
		return new AuditPage(more ? found.subList(0, PAGE_SIZE) : found, page, more);
	}

	/** The action codes recorded so far, for the console's filter. */
	public List<String> actions() {
		return mongo.findDistinct(new Query(), "action", AuditEntry.class, String.class).stream().sorted().toList();
	}

	/** Writes the entries the filter finds, newest first, as CSV for Excel (see {@link AuditCsv}). */
	public void writeCsv(AuditFilter filter, Writer out) throws IOException {
		try (Stream<AuditEntry> entries = mongo.stream(query(filter).with(Sort.by(Sort.Direction.DESC, "at")), AuditEntry.class)) {
			AuditCsv.write(entries, out);
		}
	}

	private Query query(AuditFilter filter) {
		List<Criteria> parts = new ArrayList<>();
		if (filter.actor() != null) {
			parts.add(where("actor").is(filter.actor()));
		}
		if (filter.action() != null) {
			parts.add(where("action").is(filter.action()));
		}
		if (filter.municipality() != null) {
			parts.add(where("municipalities").is(filter.municipality()));
		}
		if (filter.text() != null) {
			Pattern text = Pattern.compile(Pattern.quote(filter.text()), Pattern.CASE_INSENSITIVE);
			parts.add(new Criteria().orOperator(where("summary").regex(text), where("target").regex(text)));
		}
		if (filter.from() != null) {
			parts.add(where("at").gte(filter.from().atStartOfDay(TOKYO).toInstant()));
		}
		if (filter.to() != null) {
			parts.add(where("at").lt(filter.to().plusDays(1).atStartOfDay(TOKYO).toInstant()));
		}
		return parts.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(parts));
	}

	private String state(Object value) {
		if (value == null) {
			return null;
		}
		try {
			String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
			return text.length() <= MAX_STATE_LENGTH ? text
					: text.substring(0, MAX_STATE_LENGTH) + "\n…（" + (text.length() - MAX_STATE_LENGTH) + " 文字を省略）";
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot write the audited state of " + value.getClass().getName(), e);
		}
	}
}
