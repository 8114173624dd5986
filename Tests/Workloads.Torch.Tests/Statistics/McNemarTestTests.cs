using QuantSim.Workloads.Torch.Statistics;

namespace QuantSim.Workloads.Torch.Tests.Statistics;

public sealed class McNemarTestTests
{
    [Test]
    public void Should_Give_The_Exact_Binomial_P_Value_Computed_By_Hand()
    {
        // Given 10 images only the first classifier gets right and 2 only the second gets right
        // Then p = 2·P[X ≤ 2], X ~ Bin(12, ½) = 2·(1 + 12 + 66)/4096 = 158/4096 = 0.0385742
        // and the continuity-corrected χ² = (|10 − 2| − 1)²/12 = 49/12 = 4.08333, P[χ²(1) > 4.08333] = 0.0433
        var test = McNemarTest.FromCounts(10, 2);

        Assert.Multiple(() =>
        {
            Assert.That(test.PValue, Is.EqualTo(158.0 / 4096).Within(1e-12));
            Assert.That(test.ChiSquarePValue, Is.EqualTo(0.0433).Within(1e-4));
            Assert.That(test.Significant, Is.True);
        });
    }

    [Test]
    public void Should_Count_Only_Discordant_Images_And_Call_A_Small_Difference_Noise()
    {
        // Given labels and two classifiers that agree except on three images:
        // image 2: only the first right; images 3 and 4: only the second right → b = 1, c = 2
        byte[] labels = [0, 1, 2, 3, 4, 5];
        int[] first = [0, 1, 2, 9, 9, 9];
        int[] second = [0, 1, 9, 3, 4, 9];

        var test = McNemarTest.Compare(first, second, labels);

        // Then p = 2·P[X ≤ 1], X ~ Bin(3, ½) = 2·(1 + 3)/8 = 1 → not distinguishable from noise
        Assert.Multiple(() =>
        {
            Assert.That(test.OnlyFirstCorrect, Is.EqualTo(1));
            Assert.That(test.OnlySecondCorrect, Is.EqualTo(2));
            Assert.That(test.PValue, Is.EqualTo(1.0).Within(1e-12));
            Assert.That(test.Significant, Is.False);
        });
    }
}
