package io.podlens.bulkimport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * The throttle of bulk imports, published for background enrichment (topic extraction): a
 * bulk import is work a user waits on, and the machine has few cores, so while one runs,
 * background work waits between its units and catches up afterwards.
 */
@Component
public class ForegroundWork {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition idle = this.lock.newCondition();

	private int running;

	/** Marks foreground work as running until the returned handle is closed. */
	public Running begin() {
		this.lock.lock();
		try {
			this.running++;
		}
		finally {
			this.lock.unlock();
		}
		return this::end;
	}

	/** Blocks while foreground work runs. */
	public void awaitIdle() throws InterruptedException {
		this.lock.lock();
		try {
			while (this.running > 0) {
				this.idle.await(1, TimeUnit.SECONDS);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void end() {
		this.lock.lock();
		try {
			this.running--;
			if (this.running == 0) {
				this.idle.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** A running piece of foreground work; closing it ends it. */
	@FunctionalInterface
	public interface Running extends AutoCloseable {

		@Override
		void close();

	}

}
