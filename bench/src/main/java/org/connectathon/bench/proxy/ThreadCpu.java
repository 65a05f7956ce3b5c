package org.connectathon.bench.proxy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of a process's threads in milliseconds, summed by what the threads do, read
 * from Linux's {@code /proc/PID/task/TID/stat} (empty elsewhere): where the proxy
 * benchmark's CPU goes, per process and per series. Threads are grouped by their name,
 * which Linux cuts to 15 characters; threads that ended during a series are not counted.
 */
record ThreadCpu(Map<String, Long> millisByGroup) {

	/** Linux reports thread times in clock ticks of 1/100 s. */
	private static final long MILLIS_PER_TICK = 10;

	static ThreadCpu of(long pid) {
		Map<String, Long> groups = new TreeMap<>();
		try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
			for (Path thread : threads) {
				String stat;
				try {
					stat = Files.readString(thread.resolve("stat"));
				}
				catch (IOException ended) {
					continue;
				}
				// pid (name) state ...: the name may hold spaces and parentheses
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				groups.merge(group(name), ticks * MILLIS_PER_TICK, Long::sum);
			}
		}
		catch (IOException unreadable) {
			return new ThreadCpu(Map.of());
		}
		return new ThreadCpu(groups);
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
		if (name.startsWith("GC ") || name.startsWith("G1 ") || name.contains("Compiler") || name.startsWith("VM ")) {
			return "JVM (GC, JIT)";
		}
		return "other";
	}

	ThreadCpu minus(ThreadCpu earlier) {
		Map<String, Long> difference = new TreeMap<>(this.millisByGroup);
		earlier.millisByGroup.forEach((group, millis) -> difference.merge(group, -millis, Long::sum));
		return new ThreadCpu(difference);
	}

	long total() {
		return this.millisByGroup.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Microseconds of CPU per request, by group. */
	String perRequest(long requests) {
		StringBuilder line = new StringBuilder(String.format("%,d µs per request", 1000 * total() / requests));
		this.millisByGroup.forEach((group, millis) -> {
			if (millis * 1000 / requests > 0) {
				line.append(String.format("; %s %,d", group, 1000 * millis / requests));
			}
		});
		return line.toString();
	}

}
