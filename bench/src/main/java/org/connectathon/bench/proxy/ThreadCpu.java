package org.connectathon.bench.proxy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of a process's threads in milliseconds, summed by what the threads do, read
 * from Linux's {@code /proc/PID/task/TID/stat} (empty elsewhere): where the proxy
 * benchmark's CPU goes, per process and per series. Threads are grouped by their name,
 * which Linux cuts to 15 characters; threads that ended during a series are not counted.
 */
record ThreadCpu(Map<Long, Long> millisByThread, Map<Long, String> groupByThread) {

	/** Linux reports thread times in clock ticks of 1/100 s. */
	private static final long MILLIS_PER_TICK = 10;

	static ThreadCpu of(long pid) {
		Map<Long, Long> millis = new HashMap<>();
		Map<Long, String> groups = new HashMap<>();
		try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
			for (Path thread : threads) {
				String stat;
				try {
					stat = Files.readString(thread.resolve("stat"));
				}
				catch (IOException ended) {
					continue;
				}
				long id = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
				millis.put(id, ticks(stat) * MILLIS_PER_TICK);
				groups.put(id, group(name(stat)));
			}
		}
		catch (IOException unreadable) {
			return new ThreadCpu(Map.of(), Map.of());
		}
		return new ThreadCpu(millis, groups);
	}

	/**
	 * The CPU of every process whose command is the given one (PostgreSQL's server
	 * processes), processes that ended since excluded.
	 */
	static long commandMillis(String command) {
		long ticks = 0;
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				try {
					String stat = Files.readString(process.resolve("stat"));
					if (name(stat).equals(command)) {
						ticks += ticks(stat);
					}
				}
				catch (IOException ended) {
					// gone since the listing
				}
			}
		}
		catch (IOException unreadable) {
			return 0;
		}
		return ticks * MILLIS_PER_TICK;
	}

	/**
	 * The machine's CPU from {@code /proc/stat}, read once: how long it was busy (user,
	 * nice, system, irq and softirq: every process and the kernel's own work, loopback
	 * network included), and how long the virtual machine's host gave its processors to
	 * others while this machine would have run ({@code steal}: a series that lost much of
	 * it was measured on a host busy with other machines). Zero where unreadable.
	 */
	record MachineCpu(long busyMillis, long stolenMillis) {

		static MachineCpu now() {
			try {
				String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split(" +");
				long busy = 0;
				for (int field : new int[] { 1, 2, 3, 6, 7 }) {
					busy += Long.parseLong(fields[field]);
				}
				return new MachineCpu(busy * MILLIS_PER_TICK, Long.parseLong(fields[8]) * MILLIS_PER_TICK);
			}
			catch (IOException | RuntimeException unreadable) {
				return new MachineCpu(0, 0);
			}
		}

	}

	/**
	 * The name in a {@code stat} line: pid (name) state ..., where the name may hold
	 * spaces and parentheses.
	 */
	private static String name(String stat) {
		return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
	}

	/** User and system time of a {@code stat} line, in clock ticks. */
	private static long ticks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private static String group(String name) {
		if (name.startsWith("http-nio")) {
			return "Tomcat";
		}
		if (name.startsWith("HttpClient") || name.startsWith("pool-")) {
			return "client";
		}
		if (name.startsWith("capture-valid")) {
			return "capture validation";
		}
		if (name.startsWith("capture-")) {
			return "capture writer, correlation";
		}
		if (name.startsWith("H2 ") || name.startsWith("MVStore") || name.startsWith("H2-")) {
			return "H2 background";
		}
		if (name.startsWith("GC ") || name.startsWith("G1 ")) {
			return "JVM: garbage collection";
		}
		if (name.contains("Compiler")) {
			return "JVM: compilers";
		}
		if (name.startsWith("VM ")) {
			return "JVM: other";
		}
		return "other";
	}

	/** The CPU each group used since the earlier reading, by the threads alive now. */
	Map<String, Long> since(ThreadCpu earlier) {
		Map<String, Long> groups = new TreeMap<>();
		this.millisByThread.forEach((thread, millis) -> groups.merge(this.groupByThread.get(thread),
				millis - earlier.millisByThread.getOrDefault(thread, 0L), Long::sum));
		return groups;
	}

	/** Microseconds of CPU per request since the earlier reading, by group. */
	String perRequestSince(ThreadCpu earlier, long requests) {
		Map<String, Long> groups = since(earlier);
		long total = groups.values().stream().mapToLong(Long::longValue).sum();
		StringBuilder line = new StringBuilder(String.format("%,d µs per request", 1000 * total / requests));
		groups.forEach((group, millis) -> {
			if (millis * 1000 / requests > 0) {
				line.append(String.format("; %s %,d", group, 1000 * millis / requests));
			}
		});
		return line.toString();
	}

}
