package dev.azimuth.planner.runtime;

import dev.azimuth.common.ErrorCode;
import dev.azimuth.planner.PlanningException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Runs the independent inputs of one statement (a fusion's ranked inputs) at once: the calling
 * thread runs the first input while a small pool shared by all statements starts the others;
 * the caller then runs any input the pool has not started yet, so a busy pool delays nothing,
 * and an input that itself waits on inputs never deadlocks the pool. Every input has finished
 * when {@link #drain} returns or throws, so the statement's read views outlive their readers.
 * Thread-safe.
 */
final class ParallelInputs {
  /** Besides the caller: one thread fewer than the cores, so a statement fills the machine. */
  private static final int THREADS =
      Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  private static final ThreadPoolExecutor POOL = pool();

  private ParallelInputs() {}

  private static ThreadPoolExecutor pool() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, "azimuth-fusion-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), threads);
    // Idle engines hold no threads.
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Each input's rows, in input order; concurrently as the session's
   * {@link InputParallelism} says.
   *
   * @throws RuntimeException the first input's failure, once every input has stopped
   */
  static List<List<Object[]>> drain(List<Enumerable<Object[]>> inputs,
      ExecutionContext context) {
    List<FutureTask<List<Object[]>>> tasks = new ArrayList<>();
    for (Enumerable<Object[]> input : inputs) {
      tasks.add(new FutureTask<>(() -> rows(input, context)));
    }
    if (context.parallelInputs().concurrent()) {
      for (int i = 1; i < tasks.size(); i++) {
        POOL.execute(tasks.get(i));
      }
    }
    for (FutureTask<List<Object[]>> task : tasks) {
      task.run(); // does nothing if the pool has started it
    }
    List<List<Object[]>> results = new ArrayList<>();
    RuntimeException failure = null;
    boolean interrupted = false;
    for (FutureTask<List<Object[]>> task : tasks) {
      while (true) {
        try {
          results.add(task.get());
          break;
        } catch (InterruptedException e) {
          // Keep waiting: the input reads this statement's views, closed once we return.
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException r ? r
                : new PlanningException(ErrorCode.INTERNAL_ERROR, "a fusion input failed",
                    e.getCause());
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new PlanningException(ErrorCode.QUERY_CANCELED, "statement interrupted");
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  private static List<Object[]> rows(Enumerable<Object[]> input, ExecutionContext context) {
    List<Object[]> rows = new ArrayList<>();
    try (Enumerator<Object[]> e = input.enumerator()) {
      while (e.moveNext()) {
        rows.add(e.current());
        if ((rows.size() & 1023) == 0) {
          context.checkCancelled();
        }
      }
    }
    context.checkCancelled();
    return rows;
  }
}
