package org.connectathon.platform.tracks;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A track's scenario results rolled up: per scenario, a matrix of the signed-up clients
 * by the signed-up servers holding each pair's latest result, and the counts of latest
 * results per scenario and for the whole track.
 */
public record ScenarioResultMatrix(long trackId, List<Participant> clients, List<Participant> servers,
		List<ScenarioMatrix> scenarios, Map<ScenarioResultOutcome, Integer> counts) {

	/** A signed-up system on one side of the matrix. */
	public record Participant(long systemId, String systemName, String organizationName) {
	}

	/** One pair's latest result, and how many results the pair recorded in all. */
	public record Cell(long clientSystemId, long serverSystemId, ScenarioResultOutcome result, @Nullable String comment,
			List<String> links, int resultsRecorded) {
	}

	/** The matrix of one scenario. */
	public record ScenarioMatrix(long scenarioId, String keyword, String action, List<Cell> cells,
			Map<ScenarioResultOutcome, Integer> counts) {

		public @Nullable Cell cell(long clientSystemId, long serverSystemId) {
			return this.cells.stream()
				.filter((cell) -> cell.clientSystemId() == clientSystemId && cell.serverSystemId() == serverSystemId)
				.findFirst()
				.orElse(null);
		}

	}

	static ScenarioResultMatrix of(Track track, List<SignUp> signUps, List<ScenarioResult> results) {
		Map<Long, Participant> clients = new LinkedHashMap<>();
		Map<Long, Participant> servers = new LinkedHashMap<>();
		for (SignUp signUp : signUps) {
			(signUp.isServer() ? servers : clients).putIfAbsent(signUp.systemId(),
					new Participant(signUp.systemId(), signUp.systemName(), signUp.organizationName()));
		}
		List<ScenarioMatrix> scenarios = track.scenarios().stream().map((scenario) -> {
			Map<List<Long>, Cell> cells = new LinkedHashMap<>();
			for (ScenarioResult result : results) {
				if (result.scenarioId() != scenario.id()) {
					continue;
				}
				List<Long> pair = List.of(result.clientSystemId(), result.serverSystemId());
				Cell earlier = cells.get(pair);
				cells.put(pair, new Cell(result.clientSystemId(), result.serverSystemId(), result.result(),
						result.comment(), result.links(), (earlier != null) ? earlier.resultsRecorded() + 1 : 1));
			}
			List<Cell> latest = List.copyOf(cells.values());
			return new ScenarioMatrix(scenario.id(), scenario.keyword(), scenario.action(), latest, counts(latest));
		}).toList();
		return new ScenarioResultMatrix(track.id(), List.copyOf(clients.values()), List.copyOf(servers.values()),
				scenarios, counts(scenarios.stream().flatMap((scenario) -> scenario.cells().stream()).toList()));
	}

	/** Every outcome, zero included, so that tables and charts have all columns. */
	static Map<ScenarioResultOutcome, Integer> counts(List<Cell> cells) {
		Map<ScenarioResultOutcome, Integer> counts = new EnumMap<>(ScenarioResultOutcome.class);
		for (ScenarioResultOutcome outcome : ScenarioResultOutcome.values()) {
			counts.put(outcome, 0);
		}
		cells.forEach((cell) -> counts.merge(cell.result(), 1, Integer::sum));
		return counts;
	}

}
