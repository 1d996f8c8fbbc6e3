package dev.azimuth.index.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import dev.azimuth.index.ChildJvm;
import org.junit.jupiter.api.Test;

class KernelsTest {
  /** Proves the build passes {@code --add-modules jdk.incubator.vector} to test JVMs. */
  @Test
  void choosesSimdUnderTheTestJvmFlags() {
    assertTrue(Kernels.vectorModulePresent());
    assertInstanceOf(SimdKernels.class, Kernels.get());
    assertTrue(Kernels.get().name().startsWith("simd-"), Kernels.get().name());
    assertSame(Kernels.get(), Kernels.get());
    assertSame(Kernels.get(), Kernels.simd());
  }

  @Test
  void scalarIsAlwaysThere() {
    assertInstanceOf(ScalarKernels.class, Kernels.scalar());
  }

  /** Without the module the JVM must still work, on scalar kernels, and say how to fix it. */
  @Test
  void fallsBackToScalarWithOneWarningWithoutTheModule() throws Exception {
    ChildJvm.Result result = ChildJvm.run(Probe.class);
    assertEquals(0, result.exitCode(), result.output());
    String out = result.output();
    assertTrue(out.contains("chosen=scalar"), out);
    assertTrue(out.contains("simd=FEATURE_NOT_SUPPORTED"), out);
    assertTrue(out.contains("--add-modules jdk.incubator.vector"), out);
    assertEquals(out.indexOf("is not loaded"), out.lastIndexOf("is not loaded"), "one warning");
    assertFalse(out.contains("NoClassDefFoundError"), out);
  }

  @Test
  void childSeesSimdWithTheModule() throws Exception {
    ChildJvm.Result result = ChildJvm.run(Probe.class, "--add-modules", "jdk.incubator.vector");
    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("chosen=simd-"), result.output());
    assertFalse(result.output().contains("is not loaded"), result.output());
  }

  /** Runs in a child JVM: prints which kernels it got and what {@link Kernels#simd()} did. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      VectorKernels chosen = Kernels.get();
      Kernels.get();
      float[] v = {1f, 2f, 3f};
      System.out.println("chosen=" + chosen.name() + " dot=" + chosen.dot(v, 0, v, 0, 3));
      String simd;
      try {
        simd = Kernels.simd().name();
      } catch (AzimuthException e) {
        simd = e.code().name();
        if (e.code() != ErrorCode.FEATURE_NOT_SUPPORTED) {
          throw e;
        }
      }
      System.out.println("simd=" + simd);
    }
  }
}
