package jp.shisakunavi.questions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import jp.shisakunavi.questions.LoggedQuestion.Candidate;
import jp.shisakunavi.search.Answer;
import jp.shisakunavi.search.Hit;
import jp.shisakunavi.search.QuestionTerms;
import jp.shisakunavi.search.Search;

/**
 * Writes logged questions off the reply path: the conversation only puts a question in a bounded queue, and one
 * thread writes what has gathered in one insert, so a burst of questions costs a few writes and no answer waits
 * for the database. What waits is written when the service stops; only a crash loses the last few (milliseconds'
 * worth). A full queue (the database far behind) drops questions rather than answers, counted as
 * {@code shisaku.questions.dropped}.
 */
@Component
class LogWriter implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
	private static final int BATCH = 500;
	private static final int RUNNERS_UP = 5;

	private final MongoTemplate mongo;
	private final Search search;
	private final AskerKeys keys;
	private final MeterRegistry meters;
	private final BlockingQueue<Pending> queue;
	private final ReentrantLock writing = new ReentrantLock(true);
	private final AtomicLong dropped = new AtomicLong();
	private final Thread thread;
	private volatile boolean running = true;

	LogWriter(MongoTemplate mongo, Search search, AskerKeys keys, MeterRegistry meters, QuestionLogProperties properties) {
		this.mongo = mongo;
		this.search = search;
		this.keys = keys;
		this.meters = meters;
		this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
		meters.gaugeCollectionSize("shisaku.questions.queue", List.of(), queue);
		this.thread = Thread.ofPlatform().daemon().name("question-log").start(this::run);
	}

	/** A question answered at {@code at}, logged as {@code id}. */
	record Pending(String id, Instant at, AskedQuestion question) {
	}

	void offer(Pending pending) {
		if (!queue.offer(pending)) {
			meters.counter("shisaku.questions.dropped").increment();
			if (dropped.getAndIncrement() % 1000 == 0) {
				log.warn("Question log queue full: questions are answered but not logged ({} so far)", dropped.get());
			}
		}
	}

	/** Writes whatever waits now, in the caller's thread (a feedback tap on a question not written yet). */
	void flush() {
		writing.lock();
		try {
			List<Pending> batch = new ArrayList<>();
			queue.drainTo(batch);
			write(batch);
		}
		finally {
			writing.unlock();
		}
	}

	/**
	 * Waits for questions and writes them while holding the lock, waiting included, so that a question taken from
	 * the queue is never outside it unwritten while {@link #flush()} runs (the lock is fair: a flush waits at most
	 * one short poll).
	 */
	private void run() {
		while (running || !queue.isEmpty()) {
			writing.lock();
			try {
				Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first != null) {
					List<Pending> batch = new ArrayList<>(List.of(first));
					queue.drainTo(batch, BATCH - 1);
					write(batch);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				// The database is away: these questions are lost, the next ones are tried again.
				log.error("Writing logged questions failed", e);
			}
			finally {
				writing.unlock();
			}
		}
	}

	private void write(List<Pending> batch) {
		if (!batch.isEmpty()) {
			mongo.insert(batch.stream().map(this::entry).toList(), LoggedQuestion.class);
		}
	}

	private LoggedQuestion entry(Pending pending) {
		AskedQuestion question = pending.question();
		Answer answer = question.answer();
		QuestionTerms terms = search.terms(question.text(), question.municipality());
		List<Candidate> candidates = Stream.concat(answer.results().stream(), answer.suggestions().stream())
			.limit(RUNNERS_UP + 1L)
			.map(LogWriter::candidate)
			.toList();
		return new LoggedQuestion(pending.id(), pending.at(), answer.query(), terms.normalized(), terms.terms(),
				question.municipality(), answer.intent().name(), Outcome.of(answer),
				candidates.isEmpty() ? null : candidates.getFirst(),
				candidates.isEmpty() ? List.of() : candidates.subList(1, candidates.size()), keys.of(question.asker()),
				null, null, null);
	}

	private static Candidate candidate(Hit hit) {
		return new Candidate(hit.type(), hit.id(), hit.title(), Math.round(hit.score() * 1000) / 1000.0);
	}

	@Override
	public void destroy() throws InterruptedException {
		running = false;
		thread.join(TimeUnit.SECONDS.toMillis(10));
	}
}
