package org.connectathon.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints where a JFR recording's CPU samples (or allocated bytes) went, counting only the
 * samples whose stack passes through a package (by default the TestScript engine's), so
 * that the server and the HTTP client's own threads do not hide the engine. Two lists:
 * methods by their own samples (the frame on top), and methods by the samples they are
 * anywhere in (self plus callees). Arguments:
 * {@code FILE.jfr [package prefix] [lines (25)] [cpu|allocation]}.
 */
public final class JfrTopFrames {

	private JfrTopFrames() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		String prefix = args.length > 1 ? args[1] : "org.connectathon.engine.testscript.";
		int lines = args.length > 2 ? Integer.parseInt(args[2]) : 25;
		boolean allocation = args.length > 3 && args[3].equals("allocation");
		String eventName = allocation ? "jdk.ObjectAllocationSample" : "jdk.ExecutionSample";
		Map<String, Long> self = new HashMap<>();
		Map<String, Long> total = new HashMap<>();
		long samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			if (!event.getEventType().getName().equals(eventName)) {
				continue;
			}
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty() || !passesThrough(stack, prefix)) {
				continue;
			}
			long weight = allocation ? event.getLong("weight") : 1;
			samples += weight;
			List<RecordedFrame> frames = stack.getFrames();
			self.merge(name(frames.get(0)), weight, Long::sum);
			Set<String> seen = new HashSet<>();
			for (RecordedFrame frame : frames) {
				if (seen.add(name(frame))) {
					total.merge(name(frame), weight, Long::sum);
				}
			}
		}
		System.out.printf("%d %s pass through %s (stacks may be truncated at 64 frames)%n", samples,
				allocation ? "bytes allocated" : "CPU samples", prefix);
		print("self", self, samples, lines);
		print("self + callees", total, samples, lines);
	}

	private static boolean passesThrough(RecordedStackTrace stack, String prefix) {
		return stack.getFrames().stream().anyMatch(frame -> name(frame).startsWith(prefix));
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static void print(String title, Map<String, Long> counts, long samples, int lines) {
		System.out.println();
		System.out.println(title + ":");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(lines)
			.forEach(entry -> System.out.printf("%6.1f%%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey()));
	}

}
