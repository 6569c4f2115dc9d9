package jp.shisakunavi.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole service in a process of its own, started from the test class path, so that a test can kill it
 * the hard way (SIGKILL) in the middle of its work, as a crash would.
 */
public final class ServiceProcess implements AutoCloseable {

	private final Process process;
	private final Path log;
	private final String started;

	private ServiceProcess(Process process, Path log, String mainClass) {
		this.process = process;
		this.log = log;
		this.started = "Started " + mainClass.substring(mainClass.lastIndexOf('.') + 1);
	}

	public static ServiceProcess start(Path dir, String name, List<String> arguments) throws IOException {
		return start(dir, name, "jp.shisakunavi.ShisakuNaviApplication", arguments);
	}

	/** @param mainClass a main class of the test class path that runs the service with something of its own */
	public static ServiceProcess start(Path dir, String name, String mainClass, List<String> arguments) throws IOException {
		Path log = dir.resolve(name + ".log");
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), mainClass, "--server.port=0",
				"--shisaku.data-dir=" + dir.resolve(name)));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new ServiceProcess(process, log, mainClass);
	}

	/** Waits until the service says it has started; fails with its log when it does not. */
	public ServiceProcess awaitStarted(Duration timeout) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (output().contains(started)) {
				return this;
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("The service stopped:\n" + output());
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("The service did not start within " + timeout + ":\n" + output());
	}

	/** Kills the process without letting it finish anything, as a crash or {@code kill -9} would. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	public String output() throws IOException {
		return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			process.waitFor();
		}
	}
}
