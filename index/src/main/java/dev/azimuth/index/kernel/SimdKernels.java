package dev.azimuth.index.kernel;

import static dev.azimuth.index.kernel.ScalarKernels.checkSlices;

import java.util.Objects;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the incubating Vector API, at the platform's widest float species.
 *
 * <p>Loading this class needs the {@code jdk.incubator.vector} module in the boot layer, so only
 * {@link Kernels} refers to it, and only after checking. Stateless and thread-safe.
 */
final class SimdKernels implements VectorKernels {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  /** As many bytes as SPECIES has floats, for widening 8-bit codes lane for lane. */
  private static final VectorSpecies<Byte> CODES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * Byte.SIZE));
  // Four independent accumulators hide the FMA latency (about 4 cycles at 2 per cycle on
  // current x86 cores); with one, every FMA waits for the previous one.
  private static final int STRIDE = 4 * LANES;

  static final SimdKernels INSTANCE = new SimdKernels();

  private SimdKernels() {}

  /**
   * Whether the preferred species is wide enough to beat scalar code: below 128 bits the
   * Vector API is not compiled to SIMD instructions and is far slower than plain loops.
   */
  static boolean worthwhile() {
    return SPECIES.vectorBitSize() >= 128;
  }

  @Override
  public String name() {
    return "simd-" + SPECIES.vectorBitSize();
  }

  @Override
  public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    checkSlices(a, aOffset, b, bOffset, length);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = acc0;
    FloatVector acc2 = acc0;
    FloatVector acc3 = acc0;
    int i = 0;
    for (int bound = length - length % STRIDE; i < bound; i += STRIDE) {
      int ai = aOffset + i;
      int bi = bOffset + i;
      acc0 = load(a, ai).fma(load(b, bi), acc0);
      acc1 = load(a, ai + LANES).fma(load(b, bi + LANES), acc1);
      acc2 = load(a, ai + 2 * LANES).fma(load(b, bi + 2 * LANES), acc2);
      acc3 = load(a, ai + 3 * LANES).fma(load(b, bi + 3 * LANES), acc3);
    }
    for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
      acc0 = load(a, aOffset + i).fma(load(b, bOffset + i), acc0);
    }
    float sum = sum(acc0, acc1, acc2, acc3);
    for (; i < length; i++) {
      sum += a[aOffset + i] * b[bOffset + i];
    }
    return sum;
  }

  @Override
  public float squaredL2(float[] a, int aOffset, float[] b, int bOffset, int length) {
    checkSlices(a, aOffset, b, bOffset, length);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = acc0;
    FloatVector acc2 = acc0;
    FloatVector acc3 = acc0;
    int i = 0;
    for (int bound = length - length % STRIDE; i < bound; i += STRIDE) {
      int ai = aOffset + i;
      int bi = bOffset + i;
      FloatVector d0 = load(a, ai).sub(load(b, bi));
      FloatVector d1 = load(a, ai + LANES).sub(load(b, bi + LANES));
      FloatVector d2 = load(a, ai + 2 * LANES).sub(load(b, bi + 2 * LANES));
      FloatVector d3 = load(a, ai + 3 * LANES).sub(load(b, bi + 3 * LANES));
      acc0 = d0.fma(d0, acc0);
      acc1 = d1.fma(d1, acc1);
      acc2 = d2.fma(d2, acc2);
      acc3 = d3.fma(d3, acc3);
    }
    for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
      FloatVector d = load(a, aOffset + i).sub(load(b, bOffset + i));
      acc0 = d.fma(d, acc0);
    }
    float sum = sum(acc0, acc1, acc2, acc3);
    for (; i < length; i++) {
      float d = a[aOffset + i] - b[bOffset + i];
      sum += d * d;
    }
    return sum;
  }

  @Override
  public void squaredL2x4(float[] q, int qOffset, float[] data, int o0, int o1, int o2, int o3,
      int length, float[] out) {
    checkSlices(q, qOffset, data, o0, length);
    checkSlices(q, qOffset, data, o1, length);
    checkSlices(q, qOffset, data, o2, length);
    checkSlices(q, qOffset, data, o3, length);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = acc0;
    FloatVector acc2 = acc0;
    FloatVector acc3 = acc0;
    int i = 0;
    for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
      FloatVector x = load(q, qOffset + i);
      FloatVector d0 = x.sub(load(data, o0 + i));
      FloatVector d1 = x.sub(load(data, o1 + i));
      FloatVector d2 = x.sub(load(data, o2 + i));
      FloatVector d3 = x.sub(load(data, o3 + i));
      acc0 = d0.fma(d0, acc0);
      acc1 = d1.fma(d1, acc1);
      acc2 = d2.fma(d2, acc2);
      acc3 = d3.fma(d3, acc3);
    }
    float s0 = acc0.reduceLanes(VectorOperators.ADD);
    float s1 = acc1.reduceLanes(VectorOperators.ADD);
    float s2 = acc2.reduceLanes(VectorOperators.ADD);
    float s3 = acc3.reduceLanes(VectorOperators.ADD);
    for (; i < length; i++) {
      float x = q[qOffset + i];
      float d0 = x - data[o0 + i];
      float d1 = x - data[o1 + i];
      float d2 = x - data[o2 + i];
      float d3 = x - data[o3 + i];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
  }

  @Override
  public void dotx4(float[] q, int qOffset, float[] data, int o0, int o1, int o2, int o3,
      int length, float[] out) {
    checkSlices(q, qOffset, data, o0, length);
    checkSlices(q, qOffset, data, o1, length);
    checkSlices(q, qOffset, data, o2, length);
    checkSlices(q, qOffset, data, o3, length);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = acc0;
    FloatVector acc2 = acc0;
    FloatVector acc3 = acc0;
    int i = 0;
    for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
      FloatVector x = load(q, qOffset + i);
      acc0 = x.fma(load(data, o0 + i), acc0);
      acc1 = x.fma(load(data, o1 + i), acc1);
      acc2 = x.fma(load(data, o2 + i), acc2);
      acc3 = x.fma(load(data, o3 + i), acc3);
    }
    float s0 = acc0.reduceLanes(VectorOperators.ADD);
    float s1 = acc1.reduceLanes(VectorOperators.ADD);
    float s2 = acc2.reduceLanes(VectorOperators.ADD);
    float s3 = acc3.reduceLanes(VectorOperators.ADD);
    for (; i < length; i++) {
      float x = q[qOffset + i];
      s0 += x * data[o0 + i];
      s1 += x * data[o1 + i];
      s2 += x * data[o2 + i];
      s3 += x * data[o3 + i];
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
  }

  @Override
  public void codesSquaredL2x4(float[] a, float[] scale, byte[] codes, int o0, int o1, int o2,
      int o3, int length, float[] out) {
    checkCodes(a, scale, codes, o0, o1, o2, o3, length);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = acc0;
    FloatVector acc2 = acc0;
    FloatVector acc3 = acc0;
    int i = 0;
    for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
      FloatVector x = load(a, i);
      FloatVector s = load(scale, i).neg();
      FloatVector d0 = widen(codes, o0 + i).fma(s, x);
      FloatVector d1 = widen(codes, o1 + i).fma(s, x);
      FloatVector d2 = widen(codes, o2 + i).fma(s, x);
      FloatVector d3 = widen(codes, o3 + i).fma(s, x);
      acc0 = d0.fma(d0, acc0);
      acc1 = d1.fma(d1, acc1);
      acc2 = d2.fma(d2, acc2);
      acc3 = d3.fma(d3, acc3);
    }
    float s0 = acc0.reduceLanes(VectorOperators.ADD);
    float s1 = acc1.reduceLanes(VectorOperators.ADD);
    float s2 = acc2.reduceLanes(VectorOperators.ADD);
    float s3 = acc3.reduceLanes(VectorOperators.ADD);
    for (; i < length; i++) {
      float d0 = a[i] - scale[i] * codes[o0 + i];
      float d1 = a[i] - scale[i] * codes[o1 + i];
      float d2 = a[i] - scale[i] * codes[o2 + i];
      float d3 = a[i] - scale[i] * codes[o3 + i];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
  }

  @Override
  public void codesDotx4(float[] w, byte[] codes, int o0, int o1, int o2, int o3, int length,
      float[] out) {
    checkCodes(w, w, codes, o0, o1, o2, o3, length);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = acc0;
    FloatVector acc2 = acc0;
    FloatVector acc3 = acc0;
    int i = 0;
    for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
      FloatVector x = load(w, i);
      acc0 = widen(codes, o0 + i).fma(x, acc0);
      acc1 = widen(codes, o1 + i).fma(x, acc1);
      acc2 = widen(codes, o2 + i).fma(x, acc2);
      acc3 = widen(codes, o3 + i).fma(x, acc3);
    }
    float s0 = acc0.reduceLanes(VectorOperators.ADD);
    float s1 = acc1.reduceLanes(VectorOperators.ADD);
    float s2 = acc2.reduceLanes(VectorOperators.ADD);
    float s3 = acc3.reduceLanes(VectorOperators.ADD);
    for (; i < length; i++) {
      s0 += w[i] * codes[o0 + i];
      s1 += w[i] * codes[o1 + i];
      s2 += w[i] * codes[o2 + i];
      s3 += w[i] * codes[o3 + i];
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
  }

  @Override
  public float codesSquaredL2(float[] a, float[] scale, byte[] codes, int offset, int length) {
    checkCodes(a, scale, codes, offset, offset, offset, offset, length);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = acc0;
    int i = 0;
    for (int bound = length - length % (2 * LANES); i < bound; i += 2 * LANES) {
      FloatVector d0 = widen(codes, offset + i).fma(load(scale, i).neg(), load(a, i));
      FloatVector d1 = widen(codes, offset + i + LANES)
          .fma(load(scale, i + LANES).neg(), load(a, i + LANES));
      acc0 = d0.fma(d0, acc0);
      acc1 = d1.fma(d1, acc1);
    }
    for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
      FloatVector d = widen(codes, offset + i).fma(load(scale, i).neg(), load(a, i));
      acc0 = d.fma(d, acc0);
    }
    float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; i < length; i++) {
      float d = a[i] - scale[i] * codes[offset + i];
      sum += d * d;
    }
    return sum;
  }

  @Override
  public float codesDot(float[] w, byte[] codes, int offset, int length) {
    checkCodes(w, w, codes, offset, offset, offset, offset, length);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = acc0;
    int i = 0;
    for (int bound = length - length % (2 * LANES); i < bound; i += 2 * LANES) {
      acc0 = widen(codes, offset + i).fma(load(w, i), acc0);
      acc1 = widen(codes, offset + i + LANES).fma(load(w, i + LANES), acc1);
    }
    for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
      acc0 = widen(codes, offset + i).fma(load(w, i), acc0);
    }
    float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; i < length; i++) {
      sum += w[i] * codes[offset + i];
    }
    return sum;
  }

  private static FloatVector widen(byte[] codes, int offset) {
    return (FloatVector) ByteVector.fromArray(CODES, codes, offset)
        .convertShape(VectorOperators.B2F, SPECIES, 0);
  }

  private static void checkCodes(float[] a, float[] scale, byte[] codes, int o0, int o1, int o2,
      int o3, int length) {
    Objects.checkFromIndexSize(0, length, a.length);
    Objects.checkFromIndexSize(0, length, scale.length);
    Objects.checkFromIndexSize(o0, length, codes.length);
    Objects.checkFromIndexSize(o1, length, codes.length);
    Objects.checkFromIndexSize(o2, length, codes.length);
    Objects.checkFromIndexSize(o3, length, codes.length);
  }

  @Override
  public float l1(float[] a, int aOffset, float[] b, int bOffset, int length) {
    checkSlices(a, aOffset, b, bOffset, length);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = acc0;
    FloatVector acc2 = acc0;
    FloatVector acc3 = acc0;
    int i = 0;
    for (int bound = length - length % STRIDE; i < bound; i += STRIDE) {
      int ai = aOffset + i;
      int bi = bOffset + i;
      acc0 = acc0.add(load(a, ai).sub(load(b, bi)).abs());
      acc1 = acc1.add(load(a, ai + LANES).sub(load(b, bi + LANES)).abs());
      acc2 = acc2.add(load(a, ai + 2 * LANES).sub(load(b, bi + 2 * LANES)).abs());
      acc3 = acc3.add(load(a, ai + 3 * LANES).sub(load(b, bi + 3 * LANES)).abs());
    }
    for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
      acc0 = acc0.add(load(a, aOffset + i).sub(load(b, bOffset + i)).abs());
    }
    float sum = sum(acc0, acc1, acc2, acc3);
    for (; i < length; i++) {
      sum += Math.abs(a[aOffset + i] - b[bOffset + i]);
    }
    return sum;
  }

  @Override
  public float squaredNorm(float[] a, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, a.length);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = acc0;
    FloatVector acc2 = acc0;
    FloatVector acc3 = acc0;
    int i = 0;
    for (int bound = length - length % STRIDE; i < bound; i += STRIDE) {
      int ai = offset + i;
      FloatVector x0 = load(a, ai);
      FloatVector x1 = load(a, ai + LANES);
      FloatVector x2 = load(a, ai + 2 * LANES);
      FloatVector x3 = load(a, ai + 3 * LANES);
      acc0 = x0.fma(x0, acc0);
      acc1 = x1.fma(x1, acc1);
      acc2 = x2.fma(x2, acc2);
      acc3 = x3.fma(x3, acc3);
    }
    for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
      FloatVector x = load(a, offset + i);
      acc0 = x.fma(x, acc0);
    }
    float sum = sum(acc0, acc1, acc2, acc3);
    for (; i < length; i++) {
      float x = a[offset + i];
      sum += x * x;
    }
    return sum;
  }

  /**
   * One pass, with the same four-way accumulation as {@link #dot} and {@link #squaredNorm} so
   * that an exact scan, which takes the query norm once and then a dot product and the row's
   * norm, agrees with this method to rounding. Twelve accumulators still fit AVX2's sixteen
   * registers; two-way unrolling measured no faster.
   */
  @Override
  public float cosineSimilarity(float[] a, int aOffset, float[] b, int bOffset, int length) {
    checkSlices(a, aOffset, b, bOffset, length);
    FloatVector zero = FloatVector.zero(SPECIES);
    FloatVector dot0 = zero;
    FloatVector dot1 = zero;
    FloatVector dot2 = zero;
    FloatVector dot3 = zero;
    FloatVector na0 = zero;
    FloatVector na1 = zero;
    FloatVector na2 = zero;
    FloatVector na3 = zero;
    FloatVector nb0 = zero;
    FloatVector nb1 = zero;
    FloatVector nb2 = zero;
    FloatVector nb3 = zero;
    int i = 0;
    for (int bound = length - length % STRIDE; i < bound; i += STRIDE) {
      int ai = aOffset + i;
      int bi = bOffset + i;
      FloatVector x0 = load(a, ai);
      FloatVector y0 = load(b, bi);
      dot0 = x0.fma(y0, dot0);
      na0 = x0.fma(x0, na0);
      nb0 = y0.fma(y0, nb0);
      FloatVector x1 = load(a, ai + LANES);
      FloatVector y1 = load(b, bi + LANES);
      dot1 = x1.fma(y1, dot1);
      na1 = x1.fma(x1, na1);
      nb1 = y1.fma(y1, nb1);
      FloatVector x2 = load(a, ai + 2 * LANES);
      FloatVector y2 = load(b, bi + 2 * LANES);
      dot2 = x2.fma(y2, dot2);
      na2 = x2.fma(x2, na2);
      nb2 = y2.fma(y2, nb2);
      FloatVector x3 = load(a, ai + 3 * LANES);
      FloatVector y3 = load(b, bi + 3 * LANES);
      dot3 = x3.fma(y3, dot3);
      na3 = x3.fma(x3, na3);
      nb3 = y3.fma(y3, nb3);
    }
    for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
      FloatVector x = load(a, aOffset + i);
      FloatVector y = load(b, bOffset + i);
      dot0 = x.fma(y, dot0);
      na0 = x.fma(x, na0);
      nb0 = y.fma(y, nb0);
    }
    float dot = sum(dot0, dot1, dot2, dot3);
    float normA = sum(na0, na1, na2, na3);
    float normB = sum(nb0, nb1, nb2, nb3);
    for (; i < length; i++) {
      float x = a[aOffset + i];
      float y = b[bOffset + i];
      dot += x * y;
      normA += x * x;
      normB += y * y;
    }
    return VectorKernels.cosine(dot, normA, normB);
  }

  private static FloatVector load(float[] array, int offset) {
    return FloatVector.fromArray(SPECIES, array, offset);
  }

  private static float sum(FloatVector acc0, FloatVector acc1, FloatVector acc2, FloatVector acc3) {
    return acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
  }

  @Override
  public String toString() {
    return name();
  }
}
