package dev.azimuth.bench.kernel;

import dev.azimuth.index.kernel.Kernels;
import dev.azimuth.index.kernel.VectorKernels;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One query against a block of {@value #BLOCK} stored vectors per invocation, the inner loop of
 * an exact scan; scores are vectors per microsecond.
 *
 * <p>The block is one contiguous array, as an exact scan reads it: 0.5 MB at dimension 128
 * (about one core's L2 cache), 3 and 6 MB at 768 and 1536 (in L3 on most servers), so large
 * dimensions also measure cache bandwidth. Each fork sees one implementation only, so the
 * kernel call site stays monomorphic, as it is in a server that uses one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "-Xms1g", "-Xmx1g"})
public class DistanceKernelBenchmark {
  static final int BLOCK = 1000;

  /** Floats per vector. */
  @Param({"128", "768", "1536"})
  public int dimension;

  /** {@code simd} ({@link Kernels#simd()}) or {@code scalar} ({@link Kernels#scalar()}). */
  @Param({"simd", "scalar"})
  public String implementation;

  /** Which kernel: {@code dot}, {@code l2} (squared) or {@code cosine} (similarity). */
  @Param({"dot", "l2", "cosine"})
  public String metric;

  private VectorKernels kernels;
  private Kind kind;
  private float[] block;
  private float[] query;

  /** The kernel measured; an enum so the per-invocation dispatch is one cheap switch. */
  private enum Kind {
    DOT, L2, COSINE
  }

  /** Seeded data, so every run measures the same numbers. */
  @Setup
  public void setUp() {
    kernels = switch (implementation) {
      case "simd" -> Kernels.simd();
      case "scalar" -> Kernels.scalar();
      default -> throw new IllegalArgumentException("unknown implementation " + implementation);
    };
    kind = Kind.valueOf(metric.toUpperCase(Locale.ROOT));
    SplittableRandom random = new SplittableRandom(42);
    block = new float[BLOCK * dimension];
    for (int i = 0; i < block.length; i++) {
      block[i] = (float) random.nextDouble(-1, 1);
    }
    query = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      query[i] = (float) random.nextDouble(-1, 1);
    }
  }

  /** Compares the query with every vector of the block; the sum keeps the JIT from skipping. */
  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public float scanBlock() {
    return switch (kind) {
      case DOT -> dot();
      case L2 -> squaredL2();
      case COSINE -> cosine();
    };
  }

  private float dot() {
    float sum = 0f;
    for (int i = 0, offset = 0; i < BLOCK; i++, offset += dimension) {
      sum += kernels.dot(query, 0, block, offset, dimension);
    }
    return sum;
  }

  private float squaredL2() {
    float sum = 0f;
    for (int i = 0, offset = 0; i < BLOCK; i++, offset += dimension) {
      sum += kernels.squaredL2(query, 0, block, offset, dimension);
    }
    return sum;
  }

  private float cosine() {
    float sum = 0f;
    for (int i = 0, offset = 0; i < BLOCK; i++, offset += dimension) {
      sum += kernels.cosineSimilarity(query, 0, block, offset, dimension);
    }
    return sum;
  }
}
