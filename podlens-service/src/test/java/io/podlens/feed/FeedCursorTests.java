package io.podlens.feed;

import java.util.Base64;

import io.podlens.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedCursorTests {

	@Test
	void roundTripsAndStartsAtZero() {
		assertThat(FeedCursor.parse(FeedCursor.of(42))).isEqualTo(42);
		assertThat(FeedCursor.parse(FeedCursor.of(0))).isZero();
		assertThat(FeedCursor.parse(null)).isZero();
		assertThat(FeedCursor.parse(" ")).isZero();
		assertThat(FeedCursor.of(7)).doesNotContain("7").doesNotContain("=");
	}

	@Test
	void refusesCursorsItDidNotHandOut() {
		String foreign = Base64.getUrlEncoder().encodeToString("x1.5".getBytes());
		String negative = Base64.getUrlEncoder().encodeToString("f1.-5".getBytes());
		for (String cursor : new String[] { "42", "!!!", foreign, negative, FeedCursor.of(3) + "AA" }) {
			assertThatThrownBy(() -> FeedCursor.parse(cursor)).as(cursor)
				.isInstanceOf(InvalidInputException.class)
				.hasMessageStartingWith("cursor: ");
		}
	}

}
