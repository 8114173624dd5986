using QuantSim.Workloads.Torch.Statistics;

namespace QuantSim.Workloads.Torch.Tests.Statistics;

public sealed class Top1AccuracyTests
{
    [Test]
    public void Should_Give_The_Wilson_Interval_Computed_By_Hand_For_8_Of_10()
    {
        // Given 8 correct of 10: p = 0.8, z = 1.95996398, z² = 3.84145882
        // centre = (0.8 + z²/20) / (1 + z²/10) = 0.99207294 / 1.38414588 = 0.7167393
        // half   = z·sqrt(0.8·0.2/10 + z²/400) / 1.38414588 = 1.95996398·0.16001140 / 1.38414588 = 0.2265768
        // so [0.490162, 0.943316] (the textbook Wilson interval for 8/10 is 0.490 .. 0.943)
        var accuracy = Top1Accuracy.Of([1, 1, 1, 1, 1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);

        Assert.Multiple(() =>
        {
            Assert.That(accuracy.Correct, Is.EqualTo(8));
            Assert.That(accuracy.Value, Is.EqualTo(0.8).Within(1e-12));
            Assert.That(accuracy.Lower95, Is.EqualTo(0.490162).Within(2e-6));
            Assert.That(accuracy.Upper95, Is.EqualTo(0.943316).Within(2e-6));
        });
    }

    [Test]
    public void Should_Keep_The_Interval_Below_One_When_Every_Image_Is_Right()
    {
        // Given 100 of 100 right: Wilson's upper bound is exactly 1 and the lower bound is
        // n/(n + z²) = 100/103.841459 = 0.963006 (the centre and half-width coincide at p = 1)
        var accuracy = Top1Accuracy.FromCounts(100, 100);

        Assert.That(accuracy.Upper95, Is.EqualTo(1.0).Within(1e-12));
        Assert.That(accuracy.Lower95, Is.EqualTo(0.963006).Within(2e-6));
    }
}
