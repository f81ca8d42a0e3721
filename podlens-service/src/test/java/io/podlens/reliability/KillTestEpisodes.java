package io.podlens.reliability;

/**
 * The episodes the kill tests import: short English segments, each naming a word unique
 * to its import, so that a search for the word counts exactly that episode's segments.
 */
final class KillTestEpisodes {

	private KillTestEpisodes() {
	}

	/**
	 * @param label the title's and podcast's wording ("Crash test")
	 * @param idPrefix the external id before the number ("crash-")
	 * @param says the words between the segment number and the marker (" talks about ")
	 * @param tail the words after the marker (" and multimodal models")
	 */
	static String json(String label, String idPrefix, String says, String tail, int n, String marker, int segments) {
		StringBuilder body = new StringBuilder();
		body.append("{\"title\":\"")
			.append(label)
			.append(" episode ")
			.append(n)
			.append("\",\"podcast\":\"")
			.append(label)
			.append("\",\"externalId\":\"")
			.append(idPrefix)
			.append(n)
			.append("\",\"language\":\"en\",\"segments\":[");
		for (int i = 0; i < segments; i++) {
			body.append((i > 0) ? "," : "")
				.append("{\"startMs\":")
				.append(i * 4000L)
				.append(",\"endMs\":")
				.append(i * 4000L + 3500)
				.append(",\"text\":\"segment ")
				.append(i)
				.append(says)
				.append(marker)
				.append(tail)
				.append("\"}");
		}
		return body.append("]}").toString();
	}

}
