package org.connectathon.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process that runs a server and its client side by side, split three ways,
 * in nanoseconds: the server's threads (Tomcat's, which live as long as the server), the
 * JVM's own threads (garbage collection, compilers; read from {@code /proc} on Linux, 0
 * elsewhere), and the rest, which is the client's Java threads, counted even when they
 * have ended.
 */
record CpuTimes(long process, long server, long jvm) {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	/** Linux reports thread times in clock ticks of 1/100 s. */
	private static final long NANOS_PER_TICK = 10_000_000L;

	static CpuTimes now() {
		long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		long server = 0;
		for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
			if (thread != null && (thread.getThreadName().startsWith("http-nio-")
					|| thread.getThreadName().startsWith("Catalina-"))) {
				server += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
			}
		}
		return new CpuTimes(process, server, jvmThreads());
	}

	CpuTimes minus(CpuTimes earlier) {
		return new CpuTimes(this.process - earlier.process, this.server - earlier.server, this.jvm - earlier.jvm);
	}

	long client() {
		return this.process - this.server - this.jvm;
	}

	private static long jvmThreads() {
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return 0;
		}
		long ticks = 0;
		try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
			for (Path thread : threads) {
				ticks += jvmThreadTicks(thread);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ticks * NANOS_PER_TICK;
	}

	private static long jvmThreadTicks(Path thread) {
		try {
			String name = Files.readString(thread.resolve("comm")).strip();
			if (!name.startsWith("GC Thread") && !name.startsWith("G1 ") && !name.startsWith("C1 Compiler")
					&& !name.startsWith("C2 Compiler") && !name.startsWith("VM ")) {
				return 0;
			}
			// the fields after the parenthesised name; utime and stime are fields 14
			// and 15 of the line
			String stat = Files.readString(thread.resolve("stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException ex) {
			// the thread ended while we looked
			return 0;
		}
	}

}
