using QuantSim.Workloads.Torch.Statistics;

namespace QuantSim.Workloads.Torch.Tests.Statistics;

public sealed class PairedTTestTests
{
    [Test]
    public void Should_Match_The_Closed_Form_Of_Student_T_With_Two_Degrees_Of_Freedom()
    {
        // Given differences 1, 2, 3: mean 2, s_d = 1, t = 2 / (1 / sqrt 3) = 2 sqrt 3, 2 df
        var test = PairedTTest.Compare([0.0, 0.0, 0.0], [1.0, 2.0, 3.0])!;

        // Then the two-sided p is 1 - t / sqrt(2 + t^2) (Student t CDF with 2 df: 1/2 + t / (2 sqrt(2 + t^2)))
        double t = 2 * Math.Sqrt(3);
        Assert.That(test.T, Is.EqualTo(t).Within(1e-12));
        Assert.That(test.PValue, Is.EqualTo(1 - t / Math.Sqrt(2 + t * t)).Within(1e-9));
        Assert.That(test.MeanDifference, Is.EqualTo(2.0).Within(1e-15));
    }

    [Test]
    public void Should_Match_The_Cauchy_Distribution_With_One_Degree_Of_Freedom()
    {
        // Given differences 1 and 3: mean 2, s_d = sqrt 2, t = 2 / (sqrt 2 / sqrt 2) = 2, 1 df (Cauchy)
        var test = PairedTTest.Compare([0.5, 0.25], [1.5, 3.25])!;

        // Then p = 1 - (2 / pi) atan |t|, and the sign of t follows second minus first
        Assert.That(test.T, Is.EqualTo(2.0).Within(1e-12));
        Assert.That(test.PValue, Is.EqualTo(1 - 2 / Math.PI * Math.Atan(2)).Within(1e-9));
        Assert.That(PairedTTest.Compare([1.5, 3.25], [0.5, 0.25])!.T, Is.EqualTo(-2.0).Within(1e-12));
    }

    [Test]
    public void Should_Say_Nothing_Differs_When_Every_Pair_Is_Equal_And_Certainly_Differs_When_Every_Seed_Moves_Alike()
    {
        Assert.That(PairedTTest.Compare([0.9, 0.8, 0.7], [0.9, 0.8, 0.7])!.PValue, Is.EqualTo(1.0));
        Assert.That(PairedTTest.Compare([0.5, 0.75, 0.25], [0.625, 0.875, 0.375])!.PValue, Is.EqualTo(0.0));
    }

    [Test]
    public void Should_Refuse_A_Test_Without_Degrees_Of_Freedom_And_Unpaired_Inputs()
    {
        Assert.That(PairedTTest.Compare([0.9], [0.8]), Is.Null);
        Assert.Throws<ArgumentException>(() => PairedTTest.Compare([0.9, 0.8], [0.8]));
    }

    [Test]
    public void Should_Give_The_Sample_Standard_Deviation_With_N_Minus_One()
    {
        // 1, 2, 3, 4: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, over n - 1 = 3
        Assert.That(SampleStatistics.StandardDeviation([1.0, 2.0, 3.0, 4.0]), Is.EqualTo(Math.Sqrt(5.0 / 3)).Within(1e-15));
        Assert.That(SampleStatistics.StandardDeviation([0.5]), Is.Null);
    }
}
