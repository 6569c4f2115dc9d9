package jp.shisakunavi.linefake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP server that plays LINE's Messaging API for tests: it records every request, checks each against
 * LINE's own OpenAPI file ({@code src/test/resources/line-openapi/messaging-api.yml}) and LINE's documented limits,
 * uses reply tokens once, answers a repeated {@code X-Line-Retry-Key} with 409, keeps the rich menus it created
 * and the one linked to each user, and fails or slows down on demand.
 */
public final class FakeLine implements AutoCloseable {

	static {
		// Without it the JDK's HTTP server answers a request that came in several TCP segments about 40 ms late
		// (Nagle's algorithm against delayed ACKs): a 500-recipient multicast would seem to take 45 ms.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Pattern USER_MENU = Pattern.compile("/v2/bot/user/([^/]+)/richmenu(?:/([^/]+))?");
	// The validator reads allOf-composed schemas (TextMessage = Message + own fields) as forbidding each other's
	// properties; everything else (types, required fields, enums, lengths, item counts) is checked.
	private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
		.createFor(LineSpec.messagingApi())
		.withLevelResolver(LevelResolver.create()
			.withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
			.build())
		.build();

	private final HttpServer server;
	private final List<Received> received = new CopyOnWriteArrayList<>();
	private final List<String> violations = new CopyOnWriteArrayList<>();
	private final Set<String> usedReplyTokens = ConcurrentHashMap.newKeySet();
	private final Map<String, String> retryKeys = new ConcurrentHashMap<>();
	private final Set<String> richMenus = ConcurrentHashMap.newKeySet();
	private final Map<String, String> userMenus = new ConcurrentHashMap<>();
	private final Map<String, java.util.Queue<Fault>> faults = new ConcurrentHashMap<>();
	private final Map<String, RateLimit> rateLimits = new ConcurrentHashMap<>();
	private final AtomicLong requestCount = new AtomicLong();
	private volatile int checkOneIn = 1;
	private volatile Long monthlyQuota;
	private volatile long quotaUsed;

	/** A fake LINE listening on a free local port. */
	public static FakeLine start() {
		try {
			return new FakeLine();
		}
		catch (IOException e) {
			throw new UncheckedIOException("The fake LINE cannot listen on a local port", e);
		}
	}

	public FakeLine() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	/** The service's LINE channel is this fake: a channel token and secret, and both end-points pointing here. */
	public void connect(DynamicPropertyRegistry registry) {
		registry.add("line.bot.channel-secret", () -> "test-channel-secret");
		registry.add("line.bot.channel-token", () -> "test-channel-token");
		registry.add("line.bot.api-end-point", this::baseUrl);
		registry.add("line.bot.blob-end-point", this::baseUrl);
	}

	/** The same, as the command-line arguments of a service started as a process of its own. */
	public List<String> arguments() {
		return List.of("--line.bot.channel-token=test-channel-token", "--line.bot.channel-secret=test-channel-secret",
				"--line.bot.api-end-point=" + baseUrl(), "--line.bot.blob-end-point=" + baseUrl());
	}

	/** For both {@code line.bot.api-end-point} and {@code line.bot.blob-end-point}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
	}

	/**
	 * The next {@code times} requests to {@code path} get {@code status} (after {@code delay}); faults given one
	 * after another apply in that order.
	 */
	public void fail(String path, int times, int status, Duration delay) {
		fail(path, times, status, delay, "status " + status);
	}

	/**
	 * Like {@link #fail(String, int, int, Duration)} with LINE's error message, e.g. "You have reached your monthly
	 * limit." for a 429 of the quota. A slow 2xx is executed like LINE would: its retry key counts as accepted.
	 */
	public void fail(String path, int times, int status, Duration delay, String message) {
		faults.computeIfAbsent(path, p -> new java.util.concurrent.ConcurrentLinkedQueue<>())
			.add(new Fault(new AtomicInteger(times), status, delay, message));
	}

	/** Answers 429 to requests to {@code path} beyond {@code perSecond}, like LINE's token bucket per endpoint. */
	public void limitRate(String path, int perSecond) {
		rateLimits.put(path, new RateLimit(perSecond));
	}

	/** The monthly message quota the quota API reports: null for none (地方公共団体プラン), otherwise limit and use. */
	public void quota(Long limit, long used) {
		monthlyQuota = limit;
		quotaUsed = used;
	}

	/**
	 * Checks only every n-th request against the OpenAPI file (LINE's limits are still checked on every one):
	 * for the benchmark, where the schema check costs the shared cores nearly as much CPU as the search, while
	 * the real LINE runs elsewhere.
	 */
	public void checkOneIn(int n) {
		checkOneIn = Math.max(1, n);
	}

	public void reset() {
		received.clear();
		violations.clear();
		faults.clear();
		rateLimits.clear();
		userMenus.clear();
		monthlyQuota = null;
		quotaUsed = 0;
	}

	/** How many messages each user got by multicast, counting only requests LINE executed. */
	public Map<String, Integer> multicastRecipients() {
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		accepted("/v2/bot/message/multicast")
			.forEach(r -> r.json().path("to").forEach(to -> counts.merge(to.asText(), 1, Integer::sum)));
		return counts;
	}

	public List<Received> requests(String path) {
		return received.stream().filter(r -> r.path().equals(path)).toList();
	}

	/** Replies and pushes LINE accepted (2xx), in the order they arrived. */
	public List<Received> accepted(String path) {
		return requests(path).stream().filter(r -> r.status() / 100 == 2).toList();
	}

	/** The rich menu linked to the user ({@code POST /v2/bot/user/{userId}/richmenu/{richMenuId}}), if any. */
	public java.util.Optional<String> richMenuOf(String userId) {
		return java.util.Optional.ofNullable(userMenus.get(userId));
	}

	public List<String> violations() {
		return List.copyOf(violations);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
			validate(method, path, exchange.getRequestURI().getRawQuery(), headers, body);
			String requestId = UUID.randomUUID().toString();
			Answer answer = answer(method, path, headers, body, "richmenu-" + requestId.replace("-", ""));
			int status = answer.status();
			exchange.getResponseHeaders().add("x-line-request-id", requestId);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			byte[] response = switch (status) {
				case 200 -> switch (path) {
					case "/v2/bot/message/reply" -> "{\"sentMessages\":[]}".getBytes();
					case "/v2/bot/richmenu" -> ("{\"richMenuId\":\"" + answer.message() + "\"}").getBytes();
					case "/v2/bot/message/quota" -> (monthlyQuota == null ? "{\"type\":\"none\"}"
							: "{\"type\":\"limited\",\"value\":" + monthlyQuota + "}").getBytes();
					case "/v2/bot/message/quota/consumption" -> ("{\"totalUsage\":" + quotaUsed + "}").getBytes();
					default -> answer.message().startsWith("{") ? answer.message().getBytes() : "{}".getBytes();
				};
				case 409 -> "{\"message\":\"The retry key is already accepted\"}".getBytes();
				default -> ("{\"message\":" + JSON.writeValueAsString(answer.message()) + "}").getBytes();
			};
			received.add(new Received(method, path, headers, body, status, Instant.now()));
			exchange.sendResponseHeaders(status, response.length);
			exchange.getResponseBody().write(response);
		}
	}

	private Answer answer(String method, String path, Map<String, List<String>> headers, byte[] body, String newMenuId) {
		String retryKey = header(headers, "X-Line-Retry-Key");
		Fault fault = nextFault(path);
		if (fault != null) {
			// a slow success is executed on arrival, as LINE does; only its answer is late
			boolean repeated = fault.status() / 100 == 2 && retryKey != null && retryKeys.putIfAbsent(retryKey, path) != null;
			sleep(fault.delay());
			return repeated ? new Answer(409, "") : new Answer(fault.status(), fault.message());
		}
		RateLimit limit = rateLimits.get(path);
		if (limit != null && !limit.tryTake()) {
			return new Answer(429, "Too Many Requests");
		}
		if (path.equals("/v2/bot/message/reply")) {
			String token = replyToken(body);
			return usedReplyTokens.add(token) ? new Answer(200, "") : new Answer(400, "Invalid reply token");
		}
		if (retryKey != null && retryKeys.putIfAbsent(retryKey, path) != null) {
			return new Answer(409, "");
		}
		if (path.equals("/v2/bot/richmenu") && method.equals("POST")) {
			richMenus.add(newMenuId);
			return new Answer(200, newMenuId);
		}
		Matcher userMenu = USER_MENU.matcher(path);
		if (userMenu.matches() && !userMenu.group(1).equals("all")) {
			return userMenu(method, userMenu.group(1), userMenu.group(2));
		}
		return new Answer(200, "");
	}

	/** Links, unlinks and reads the rich menu of one user, as LINE answers (404 for a menu it does not have). */
	private Answer userMenu(String method, String userId, String richMenuId) {
		if (method.equals("POST") && richMenuId != null) {
			if (!richMenus.contains(richMenuId)) {
				return new Answer(404, "richmenu not found");
			}
			userMenus.put(userId, richMenuId);
			return new Answer(200, "");
		}
		if (method.equals("DELETE") && richMenuId == null) {
			userMenus.remove(userId);
			return new Answer(200, "");
		}
		String linked = userMenus.get(userId);
		return linked == null ? new Answer(404, "the user has no rich menu")
				: new Answer(200, "{\"richMenuId\":\"" + linked + "\"}");
	}

	private Fault nextFault(String path) {
		java.util.Queue<Fault> queue = faults.get(path);
		if (queue == null) {
			return null;
		}
		synchronized (queue) {
			Fault fault = queue.peek();
			while (fault != null && fault.remaining().get() <= 0) {
				queue.poll();
				fault = queue.peek();
			}
			if (fault != null) {
				fault.remaining().decrementAndGet();
			}
			return fault;
		}
	}

	private void validate(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
		SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
		headers.forEach((name, values) -> request.withHeader(name, values));
		if (query != null) {
			for (String pair : query.split("&")) {
				String[] kv = pair.split("=", 2);
				request.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
			}
		}
		if (body.length > 0) {
			request.withBody(new String(body, StandardCharsets.UTF_8));
		}
		if (requestCount.getAndIncrement() % checkOneIn == 0) {
			ValidationReport report = VALIDATOR.validateRequest(request.build());
			report.getMessages().stream()
				.filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
				.forEach(m -> violations.add(method + " " + path + ": " + describe(m)));
		}
		if (header(headers, "Authorization") == null || !header(headers, "Authorization").startsWith("Bearer ")) {
			violations.add(method + " " + path + ": no bearer token");
		}
		LineLimitsCheck.check(path, json(body), body.length).forEach(v -> violations.add(method + " " + path + ": " + v));
	}

	private static String describe(com.atlassian.oai.validator.report.ValidationReport.Message message) {
		StringBuilder text = new StringBuilder(message.getMessage());
		message.getNestedMessages().forEach(nested -> text.append(" / ").append(describe(nested)));
		return text.toString();
	}

	/**
	 * The reply token of a reply request, read without building the whole tree (the benchmark sends thousands
	 * of replies a second, and the cores it measures are shared with this fake); empty when there is none.
	 */
	static String replyToken(byte[] body) {
		try (JsonParser parser = JSON.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return "";
			}
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				if (field.equals("replyToken") && value == JsonToken.VALUE_STRING) {
					return parser.getText();
				}
				parser.skipChildren();
			}
			return "";
		}
		catch (IOException e) {
			return "";
		}
	}

	private static JsonNode json(byte[] body) {
		try {
			return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
		}
		catch (IOException e) {
			return JSON.createObjectNode();
		}
	}

	private static String header(Map<String, List<String>> headers, String name) {
		return headers.entrySet().stream()
			.filter(e -> e.getKey().equalsIgnoreCase(name))
			.flatMap(e -> e.getValue().stream())
			.findFirst()
			.orElse(null);
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

	/** One request as LINE received it, with the status the fake answered. */
	public record Received(String method, String path, Map<String, List<String>> headers, byte[] body, int status,
			Instant at) {

		public JsonNode json() {
			return FakeLine.json(body);
		}

		/** The reply token of a reply request, or empty. */
		public String replyToken() {
			return FakeLine.replyToken(body);
		}
	}

	private record Fault(AtomicInteger remaining, int status, Duration delay, String message) {
	}

	private record Answer(int status, String message) {
	}

	/** A token bucket: {@code perSecond} tokens, refilled continuously. */
	private static final class RateLimit {

		private final int perSecond;
		private double tokens;
		private long last = System.nanoTime();

		RateLimit(int perSecond) {
			this.perSecond = perSecond;
			this.tokens = perSecond;
		}

		synchronized boolean tryTake() {
			long now = System.nanoTime();
			tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
			last = now;
			if (tokens < 1) {
				return false;
			}
			tokens--;
			return true;
		}
	}
}
