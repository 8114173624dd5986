using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Timing;

namespace QuantSim.Simulator.Tests.Timing;

/// <summary>
/// Tiny cases whose cycle and fold counts are worked out by hand from the microarchitecture
/// (Simulator/TIMING.md), checked against both fidelities. Notation: fold f streams from s_f, its
/// tile (WS/IS) loads from L_f, used rows/cols Ru/Cu; the last output of a fold leaves at E_f and the
/// count is max E_f + 1. Folds run column fold outer, row fold inner.
/// </summary>
[TestFixture]
public sealed class HandDerivedCycleTests
{
    // ---- Output-stationary: PE(i,j) does MAC k at s+k+i+j; its sum is read out the next cycle.
    // E_f = s_f + T + Ru + Cu - 2; s_{f+1} = s_f + max(T, Ru_f).

    // 2x2 array, M=3 N=3 K=2: Sr=M=3 -> row folds 2 (Ru 2,1); Sc=N=3 -> col folds 2 (Cu 2,1); T=K=2.
    //   f0 (Ru2,Cu2): s=0,                E = 0+2+2+2-2 = 4
    //   f1 (Ru1,Cu2): s = 0+max(2,2) = 2, E = 2+2+1+2-2 = 5
    //   f2 (Ru2,Cu1): s = 2+max(2,1) = 4, E = 4+2+2+1-2 = 7
    //   f3 (Ru1,Cu1): s = 4+max(2,2) = 6, E = 6+2+1+1-2 = 8   -> 9 cycles, 4 folds
    [TestCase(2, 2, 3, 3, 2, 9, 4, TestName = "OS 2x2, M3 N3 K2: 4 folds incl. partial, 9 cycles")]

    // 2x2, M=2 N=2 K=3: one fold, T=3. PE(1,1) does MACs at cycles 2,3,4; read out at 5 -> 6 cycles.
    [TestCase(2, 2, 2, 2, 3, 6, 1, TestName = "OS 2x2, M2 N2 K3: one fold, 6 cycles")]

    // 2x2, M=4 N=1 K=1: row folds 2 (Ru 2,2), Cu=1, T=1. Column 0's port reads fold 0's rows at
    // s+T+i = 1,2, so fold 1 may not start before s = 0+max(1,2) = 2 (reads at 3,4).
    //   E0 = 0+1+2+1-2 = 2, E1 = 2+1+2+1-2 = 4 -> 5 cycles (the output port, not T, limits).
    [TestCase(2, 2, 4, 1, 1, 5, 2, TestName = "OS 2x2, M4 N1 K1: output port bound, 5 cycles")]
    public void Should_match_hand_derivation_for_output_stationary(int r, int c, int m, int n, int k, long cycles, long folds) =>
        AssertBoth(r, c, Dataflow.OutputStationary, m, n, k, cycles, folds);

    // ---- Weight-stationary: tile rows written over the load bus one per cycle into shadow registers.
    // L_0=0, s_0=1; L_f = max(L_{f-1}+R, s_{f-1}+C-1); s_f = max(s_{f-1}+T, L_f+1); E_f = s_f+T+R+Cu-2.

    // 2x2, M=3 N=3 K=2: Sr=K=2 (1 row fold), Sc=N=3 (Cu 2,1), T=M=3.
    //   f0: L=0, s=1,                               E = 1+3+2+2-2 = 6
    //   f1: L = max(0+2, 1+2-1) = 2, s = max(1+3, 3) = 4, E = 4+3+2+1-2 = 8   -> 9 cycles, 2 folds
    [TestCase(2, 2, 3, 3, 2, 9, 2, TestName = "WS 2x2, M3 N3 K2: 2 folds, 9 cycles")]

    // 2x2, M=N=K=1: cycle 0 writes tile row 0 (row 1, zero padding, at cycle 1); cycle 1 the input
    // enters PE(0,0), swaps the weight in and multiplies; cycle 2 PE(1,0) adds 0; cycle 3 the sum
    // leaves the bottom -> 4 cycles. Formula: E = 1+1+2+1-2 = 3.
    [TestCase(2, 2, 1, 1, 1, 4, 1, TestName = "WS 2x2, M1 N1 K1: 4 cycles")]

    // 2x2, M=2 N=2 K=3: Sr=K=3 (Ru 2,1: two row folds accumulating the same outputs), Sc=2, T=2.
    //   f0: L=0, s=1,                                E = 1+2+2+2-2 = 5
    //   f1: L = max(2, 1+1) = 2, s = max(1+2, 2+1) = 3, E = 3+2+2+2-2 = 7   -> 8 cycles, 2 folds
    [TestCase(2, 2, 2, 2, 3, 8, 2, TestName = "WS 2x2, M2 N2 K3: K folded twice, 8 cycles")]
    public void Should_match_hand_derivation_for_weight_stationary(int r, int c, int m, int n, int k, long cycles, long folds) =>
        AssertBoth(r, c, Dataflow.WeightStationary, m, n, k, cycles, folds);

    // ---- Input-stationary: as WS with Sr=K, Sc=M, T=N.

    // 2x2, M=3 N=3 K=2: Sr=2, Sc=3 (Cu 2,1), T=3 — the same numbers as WS M3 N3 K2 -> 9 cycles, 2 folds.
    [TestCase(2, 2, 3, 3, 2, 9, 2, TestName = "IS 2x2, M3 N3 K2: 2 folds, 9 cycles")]

    // 2x2, M=3 N=1 K=1: Sr=1 (Ru 1), Sc=3 (Cu 2,1), T=1.
    //   f0: L=0, s=1,                               E = 1+1+2+2-2 = 4
    //   f1: L = max(2, 1+1) = 2, s = max(1+1, 2+1) = 3, E = 3+1+2+1-2 = 5  -> 6 cycles (load bus bound)
    [TestCase(2, 2, 3, 1, 1, 6, 2, TestName = "IS 2x2, M3 N1 K1: load bus bound, 6 cycles")]

    // 2x2, M=2 N=4 K=4: Sr=4 (two full row folds), Sc=2, T=4.
    //   f0: L=0, s=1,                               E = 1+4+2+2-2 = 7
    //   f1: L = max(2, 1+1) = 2, s = max(1+4, 3) = 5,  E = 5+4+2+2-2 = 11   -> 12 cycles (stream bound)
    [TestCase(2, 2, 2, 4, 4, 12, 2, TestName = "IS 2x2, M2 N4 K4: stream bound, 12 cycles")]
    public void Should_match_hand_derivation_for_input_stationary(int r, int c, int m, int n, int k, long cycles, long folds) =>
        AssertBoth(r, c, Dataflow.InputStationary, m, n, k, cycles, folds);

    [Test]
    public void Should_compute_a_2x2_product_by_hand_on_every_dataflow()
    {
        // Given A = [[1,2,3],[4,5,6]] (2x3) and B = [[1,0],[0,1],[2,-1]] (3x2)
        var problem = new GemmProblem("hand", 2, 2, 3);
        var ops = new GemmOperands(problem, [[1, 2, 3, 4, 5, 6]], [[1, 0, 0, 1, 2, -1]]);

        // Then C = [[1+6, 2-3], [4+12, 5-6]] = [[7,-1],[16,-1]] on each dataflow of a 2x2 array
        foreach (var df in new[] { Dataflow.OutputStationary, Dataflow.WeightStationary, Dataflow.InputStationary })
        {
            var result = RegisterArray.Run(DataflowMapper.Map(problem, 2, 2, df), ops);
            Assert.That(result.Outputs[0], Is.EqualTo(new[] { 7, -1, 16, -1 }), df.ToString());
        }
    }

    private static void AssertBoth(int r, int c, Dataflow df, int m, int n, int k, long cycles, long folds)
    {
        // Given the tiny problem on the tiny array
        var problem = new GemmProblem("tiny", m, n, k);
        var mapping = DataflowMapper.Map(problem, r, c, df);

        // When both fidelities count it
        var register = RegisterArray.Run(mapping, GemmOperands.Random(problem, 7));

        // Then both equal the hand count
        Assert.Multiple(() =>
        {
            Assert.That(mapping.Folds, Is.EqualTo(folds), "folds");
            Assert.That(NativeTiming.Cycles(mapping), Is.EqualTo(cycles), "fast engine");
            Assert.That(register.Cycles, Is.EqualTo(cycles), "register-level array");
        });
    }
}
