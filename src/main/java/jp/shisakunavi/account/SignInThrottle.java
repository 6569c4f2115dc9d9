package jp.shisakunavi.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * The limits that apply before any password is hashed or any token is looked up: failures per client address
 * (counted in memory on this instance; IPv6 clients by their /64 network, which one subscriber usually holds
 * whole), and a budget of password hashes per second for the whole instance, so that a flood of sign-ins from
 * many addresses buys at most a fraction of one core and cannot slow the citizens' answers.
 */
@Component
class SignInThrottle {

	/** Password checks per second on this instance (about 0.1 s of CPU each with bcrypt's default strength). */
	static final int HASHES_PER_SECOND = 4;

	private final int addressLimit;
	private final Duration window;
	private final Cache<String, AtomicInteger> failures;
	private final Bucket hashes = Bucket.builder()
		.addLimit(Bandwidth.builder().capacity(HASHES_PER_SECOND).refillGreedy(HASHES_PER_SECOND, Duration.ofSeconds(1)).build())
		.build();

	SignInThrottle(AccountProperties properties) {
		this.addressLimit = properties.addressLimit();
		this.window = properties.lockFor();
		this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
	}

	/** Refuses an address that failed too often within the window. */
	void checkAddress(String address) {
		AtomicInteger count = failures.getIfPresent(key(address));
		if (count != null && count.get() >= addressLimit) {
			throw new SignInRefused(SignInRefused.Reason.ADDRESS, window);
		}
	}

	boolean addressRefused(String address) {
		AtomicInteger count = failures.getIfPresent(key(address));
		return count != null && count.get() >= addressLimit;
	}

	Duration window() {
		return window;
	}

	void failed(String address) {
		failures.asMap().compute(key(address), (k, count) -> {
			AtomicInteger counted = count == null ? new AtomicInteger() : count;
			counted.incrementAndGet();
			return counted;
		});
	}

	/** Takes one password hash from this second's budget; false: refuse the attempt as busy. */
	boolean takeHash() {
		return hashes.tryConsume(1);
	}

	static String key(String address) {
		if (address == null || address.isBlank()) {
			return "-";
		}
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
		}
		catch (UnknownHostException e) {
			return address;
		}
	}
}
